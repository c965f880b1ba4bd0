using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>A talk: integrity, group, reminder or heart-to-heart.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.TalkDetails")]
public sealed record TalkDetails : RecordBody
{
    /// <summary>Which kind of talk.</summary>
    [Id(0)] public required TalkKind Kind { get; init; }

    /// <summary>What it was about.</summary>
    [Id(1)] public required string Topic { get; init; }

    /// <summary>People talked to (人次) for integrity and reminder talks; attendees of a group talk.</summary>
    [Id(2)] public int People { get; init; }

    /// <summary>Heart-to-heart talks: the two people (display names).</summary>
    [Id(3)] public string PersonA { get; init; } = "";

    /// <summary>Heart-to-heart talks: the other person.</summary>
    [Id(4)] public string PersonB { get; init; } = "";

    /// <inheritdoc />
    public override string Family => "talk";

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today) =>
        TalkRules.Check(violations, prefix, Kind, Date, Topic, People, PersonA, PersonB, today);
}
