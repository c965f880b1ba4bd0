using BranchLedger.Domain.Warnings;

namespace BranchLedger.Contracts.Ledger;

/// <summary>A duty item as it stands now: what was listed and its latest status.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.DutyItemView")]
public sealed record DutyItemView(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DutyItemDetails Item,
    [property: Id(2)] DutyStatus Status,
    [property: Id(3)] DateOnly? StatusDate,
    [property: Id(4)] string Verifier)
{
    /// <summary>The item as warnings and overdue rules see it.</summary>
    public DutyItemFact Fact => new(Item.DutyId, Item.Due, Status, Item.Actor);
}

/// <summary>A finding as it stands now: what was raised, its progress and whether it is closed.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.FindingView")]
public sealed record FindingView(
    [property: Id(0)] long Sequence,
    [property: Id(1)] FindingDetails Finding,
    [property: Id(2)] bool Closed,
    [property: Id(3)] IReadOnlyList<string> Progress,
    [property: Id(4)] string Verifier,
    [property: Id(5)] DateOnly? ClosedOn,
    [property: Id(6)] int Reopened)
{
    /// <summary>The finding as warnings and overdue rules see it.</summary>
    public FindingFact Fact => new(Finding.FindingId, Finding.Deadline, Closed, Finding.Type);
}
