namespace BranchLedger.Contracts.Directory;

/// <summary>A node was given a new name.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.NodeRenamed")]
public sealed record NodeRenamed : NodeChange
{
    /// <summary>The new name.</summary>
    [Id(0)] public required string Name { get; init; }
}
