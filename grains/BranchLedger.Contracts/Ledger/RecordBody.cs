namespace BranchLedger.Contracts.Ledger;

/// <summary>What a ledger record says; one subtype per family of record.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.RecordBody")]
public abstract record RecordBody;
