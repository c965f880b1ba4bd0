using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>An organised activity (主题活动): 重温入党誓词, 现场参观学习, 宣讲, 志愿活动 or another.</summary>
/// <remarks>
/// Its catalogue entry is <see cref="ActivityEntry"/> (fields, labels, report figures and sentence); its API mapping,
/// export columns and report facts follow that entry by name (property names are the proto field names in
/// PascalCase), so this type holds only its shape and its rules.
/// </remarks>
[GenerateSerializer, Immutable, Alias("branchledger.ActivityDetails")]
public sealed record ActivityDetails : RecordBody
{
    /// <summary>Which kind of activity.</summary>
    [Id(0)] public required ActivityKind Kind { get; init; }

    /// <summary>What it was about.</summary>
    [Id(1)] public required string Topic { get; init; }

    /// <summary>How many took part; 0 when not counted.</summary>
    [Id(2)] public int Participants { get; init; }

    /// <summary>Who organised it (a unit or a person); empty when not given.</summary>
    [Id(3)] public string Organiser { get; init; } = "";

    /// <summary>The theme the activities share (围绕…); empty when not given.</summary>
    [Id(4)] public string Theme { get; init; } = "";

    /// <summary>宣讲 only: the party-group secretary gave it in person.</summary>
    [Id(5)] public bool ByPartyGroupSecretary { get; init; }

    /// <inheritdoc />
    public override string Family => "activity";

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today) => ActivityEntry.Check(violations
        .Choice(prefix, ActivityEntry.Kind, Kind)
        .Date(prefix + "date", Date, today)
        .Text(prefix, ActivityEntry.Topic, Topic)
        .Count(prefix, ActivityEntry.Participants, Participants)
        .Text(prefix, ActivityEntry.Organiser, Organiser)
        .Text(prefix, ActivityEntry.Theme, Theme), prefix, Kind, ByPartyGroupSecretary);
}
