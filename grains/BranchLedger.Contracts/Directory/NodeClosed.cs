namespace BranchLedger.Contracts.Directory;

/// <summary>A node was closed; it stays in the tree, readable, and takes no more changes.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.NodeClosed")]
public sealed record NodeClosed : NodeChange
{
    /// <summary>Why, e.g. 机构改革撤并.</summary>
    [Id(0)] public required string Reason { get; init; }
}
