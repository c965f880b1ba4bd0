namespace BranchLedger.Contracts.Ledger;

/// <summary>A page of records in ledger order.</summary>
/// <param name="Records">The records.</param>
/// <param name="NextAfterSequence">The sequence to continue after, or null at the end.</param>
[GenerateSerializer, Immutable, Alias("branchledger.RecordPage")]
public sealed record RecordPage(
    [property: Id(0)] IReadOnlyList<LedgerRecord> Records,
    [property: Id(1)] long? NextAfterSequence);
