using BranchLedger.Domain.Directory;

namespace BranchLedger.Contracts.Directory;

/// <summary>A node was added to the tree.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.NodeCreated")]
public sealed record NodeCreated : NodeChange
{
    /// <summary>Its level; it never changes.</summary>
    [Id(0)] public required NodeKind Kind { get; init; }

    /// <summary>Its first name.</summary>
    [Id(1)] public required string Name { get; init; }

    /// <summary>Its parent; null (or empty) for a root organisation.</summary>
    [Id(2)] public string? ParentId { get; init; }
}
