namespace BranchLedger.Domain.Reports;

/// <summary>Where a counted record lives, so every figure can be traced back to its records.</summary>
/// <param name="NodeId">The organisation or branch whose ledger holds the record.</param>
/// <param name="Sequence">The record's sequence number in that ledger.</param>
public sealed record RecordRef(string NodeId, long Sequence);
