namespace BranchLedger.Contracts.Directory;

/// <summary>One item of <see cref="ITenantGrain.ImportNodes"/>: a node to create and, optionally, its first roster.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.NodeImport")]
public sealed record NodeImport
{
    /// <summary>The node's creation, with its own request id.</summary>
    [Id(0)] public required DirectoryCommand<NodeCreated> Node { get; init; }

    /// <summary>Its roster, recorded right after it (its node id is the node's); null for none.</summary>
    [Id(1)] public DirectoryCommand<RosterSet>? Roster { get; init; }
}

/// <summary>What an import made of one <see cref="NodeImport"/>.</summary>
/// <param name="Node">The node as it is now.</param>
/// <param name="Roster">The roster entry recorded for it; null when the item had none.</param>
/// <param name="Replayed">True when every entry of the item had been recorded before under its request id.</param>
[GenerateSerializer, Immutable, Alias("branchledger.NodeImportResult")]
public sealed record NodeImportResult([property: Id(0)] DirectoryNode Node, [property: Id(1)] RosterEntry? Roster, [property: Id(2)] bool Replayed);
