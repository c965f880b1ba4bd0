namespace BranchLedger.Contracts.Directory;

/// <summary>A node was put under another parent.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.NodeMoved")]
public sealed record NodeMoved : NodeChange
{
    /// <summary>The new parent; null (or empty) for the root.</summary>
    [Id(0)] public string? ParentId { get; init; }
}
