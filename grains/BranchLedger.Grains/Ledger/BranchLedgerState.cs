using BranchLedger.Contracts.Ledger;

namespace BranchLedger.Grains.Ledger;

/// <summary>What a branch grain persists: its records in ledger order.</summary>
[GenerateSerializer, Alias("branchledger.state.BranchLedger.v1")]
public sealed class BranchLedgerState
{
    /// <summary>The records, oldest first; the sequence of the last one is the ledger's length.</summary>
    [Id(0)] public List<LedgerRecord> Records { get; set; } = [];
}
