namespace BranchLedger.Contracts.Directory;

/// <summary>What one directory entry changes; one subtype per kind of change. Stored as is, so never reshaped.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.DirectoryChange")]
public abstract record DirectoryChange;
