namespace BranchLedger.Contracts.Ledger;

/// <summary>The answer to a write: the record, and whether it already existed under that request id.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.RecordWriteResult")]
public sealed record RecordWriteResult([property: Id(0)] LedgerRecord Record, [property: Id(1)] bool Replayed);
