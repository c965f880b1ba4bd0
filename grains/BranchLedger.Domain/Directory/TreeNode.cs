namespace BranchLedger.Domain.Directory;

/// <summary>What the tree rules need to know about one node.</summary>
/// <param name="Id">Unique in the tenant, never reused.</param>
/// <param name="Kind">The node's level.</param>
/// <param name="Name">The current name.</param>
/// <param name="ParentId">The parent, or null for a root organisation.</param>
/// <param name="IsClosed">Closed nodes take no changes and no children.</param>
public sealed record TreeNode(string Id, NodeKind Kind, string Name, string? ParentId, bool IsClosed);
