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

    /// <inheritdoc />
    public override string Family => "meeting";

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today)
    {
        MeetingRules.Check(violations, prefix, Kind, Date, Topic, Attendees, ExpectedAttendees, today);
        MeetingRules.Lecturer(violations, prefix, Kind, Lecturer, LecturedBySecretary);
    }
}
