namespace BranchLedger.Contracts.Directory;

/// <summary>A change to one node of the organisation tree; the node's history is made of these.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.NodeChange")]
public abstract record NodeChange : DirectoryChange
{
    /// <summary>The node changed.</summary>
    [Id(0)] public required string NodeId { get; init; }
}
