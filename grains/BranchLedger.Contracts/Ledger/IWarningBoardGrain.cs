namespace BranchLedger.Contracts.Ledger;

/// <summary>
/// A tenant's current warnings, one entry per node, pushed by the ledgers when their daily reminder
/// fires, so a tenant-wide list never scans every branch. Key: <see cref="GrainKeys.Tenant"/>.
/// </summary>
public interface IWarningBoardGrain : ITenantOwnedGrain
{
    /// <summary>Replaces the node's warnings with newer ones.</summary>
    Task Publish(NodeWarnings warnings);

    /// <summary>Every node's warnings, by node id; or one node's.</summary>
    Task<IReadOnlyList<NodeWarnings>> List(string? nodeId);
}

/// <summary>A node's warnings as of a day.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.NodeWarnings")]
public sealed record NodeWarnings(
    [property: Id(0)] string NodeId,
    [property: Id(1)] DateOnly AsOf,
    [property: Id(2)] IReadOnlyList<WarningView> Warnings);
