using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>A meeting or study session as it happened.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.MeetingDetails")]
public sealed record MeetingDetails : RecordBody
{
    /// <summary>Which kind of meeting.</summary>
    [Id(0)] public required MeetingKind Kind { get; init; }

    /// <summary>Title or topic.</summary>
    [Id(1)] public required string Topic { get; init; }

    /// <summary>Members present.</summary>
    [Id(2)] public int Attendees { get; init; }

    /// <summary>Members expected; 0 when not applicable.</summary>
    [Id(3)] public int ExpectedAttendees { get; init; }

    /// <summary>Whether it opened with the first-agenda-item study (第一议题).</summary>
    [Id(4)] public bool FirstAgendaItem { get; init; }

    /// <summary>Who lectured (party lectures only).</summary>
    [Id(5)] public string Lecturer { get; init; } = "";

    /// <summary>Whether the secretary gave the lecture (party lectures only).</summary>
    [Id(6)] public bool LecturedBySecretary { get; init; }

    /// <summary>Members absent, one entry each with the reason (names only where the tenant keeps them).</summary>
    [Id(7)] public IReadOnlyList<AbsenceEntry> Absences { get; init; } = [];

    /// <summary>Display names of those present; empty unless the tenant keeps names.</summary>
    [Id(8)] public IReadOnlyList<string> AttendeeNames { get; init; } = [];

    /// <summary>Who chaired it (主持召开); empty when not given.</summary>
    [Id(9)] public string Chair { get; init; } = "";

    /// <summary>Whether the party-group secretary chaired it.</summary>
    [Id(10)] public bool ChairedBySecretary { get; init; }

    /// <summary>Party lectures only: the party-group secretary lectured at this branch as an invited lecturer (not the branch secretary's own lecture).</summary>
    [Id(11)] public bool LecturedByPartyGroupSecretary { get; init; }

    /// <summary>The party-group secretary took part as an ordinary member of this branch (双重组织生活).</summary>
    [Id(12)] public bool SecretaryAsMember { get; init; }

    /// <summary>What was studied (党的二十大精神, …); empty when not given.</summary>
    [Id(13)] public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Whether any attendance name (present or absent) is in the record.</summary>
    public bool HasAttendanceNames => AttendeeNames.Count > 0 || Absences.Any(a => a.Name.Length > 0);

    /// <summary>The same meeting without any attendance name: counts and absence reasons only.</summary>
    public MeetingDetails WithoutAttendanceNames() => !HasAttendanceNames
        ? this
        : this with { AttendeeNames = [], Absences = [.. Absences.Select(a => a with { Name = "" })] };

    /// <inheritdoc />
    public bool Equals(MeetingDetails? other) =>
        other is not null && base.Equals(other) && Kind == other.Kind && Topic == other.Topic && Attendees == other.Attendees
        && ExpectedAttendees == other.ExpectedAttendees && FirstAgendaItem == other.FirstAgendaItem && Lecturer == other.Lecturer
        && LecturedBySecretary == other.LecturedBySecretary && Absences.SequenceEqual(other.Absences)
        && AttendeeNames.SequenceEqual(other.AttendeeNames, StringComparer.Ordinal)
        && Chair == other.Chair && ChairedBySecretary == other.ChairedBySecretary
        && LecturedByPartyGroupSecretary == other.LecturedByPartyGroupSecretary && SecretaryAsMember == other.SecretaryAsMember
        && Topics.SequenceEqual(other.Topics, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Kind, Topic, Attendees, ExpectedAttendees, Absences.Count);

    /// <inheritdoc />
    public override string Family => "meeting";

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today)
    {
        MeetingRules.Check(violations, prefix, Kind, Date, Topic, Attendees, ExpectedAttendees, today);
        MeetingRules.Lecturer(violations, prefix, Kind, Lecturer, LecturedBySecretary);
        MeetingRules.SecretaryRoles(violations, prefix, Kind, Chair, LecturedBySecretary, LecturedByPartyGroupSecretary);
        Domain.Ledger.Catalogue.FieldChecks.Items(violations, prefix, Domain.Ledger.Catalogue.RecordFields.Meeting.Topics, Topics);
        AttendanceRules.Check(
            violations, prefix, Attendees, ExpectedAttendees, [.. Absences.Select(a => (a.Reason, (string?)a.Name, (string?)a.Note))], AttendeeNames);
    }
}

/// <summary>One member absent from a meeting: the reason, and the name where the tenant keeps names.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.AbsenceEntry")]
public sealed record AbsenceEntry
{
    /// <summary>公差, 病假, 事假 or 其他.</summary>
    [Id(0)] public required AbsenceReason Reason { get; init; }

    /// <summary>Display name; empty when not given or not kept.</summary>
    [Id(1)] public string Name { get; init; } = "";

    /// <summary>Optional remark, e.g. what "other" was.</summary>
    [Id(2)] public string Note { get; init; } = "";
}
