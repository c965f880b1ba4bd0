using BranchLedger.Contracts.Ledger;

namespace BranchLedger.Grains.Ledger;

/// <summary>What a ledger grain persists: its records in ledger order.</summary>
[GenerateSerializer, Alias("branchledger.state.Ledger.v1")]
public sealed class LedgerState
{
    /// <summary>The records, oldest first; the sequence of the last one is the ledger's length.</summary>
    [Id(0)] public List<LedgerRecord> Records { get; set; } = [];
}
