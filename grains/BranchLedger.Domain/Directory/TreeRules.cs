namespace BranchLedger.Domain.Directory;

/// <summary>
/// What makes a change to the organisation tree acceptable, given the tree as it is. Each check
/// answers null when the change may be applied, or the first rule it breaks, in a fixed order so a
/// client always sees the same reason for the same request.
/// </summary>
public static class TreeRules
{
    /// <summary>
    /// Which kind may sit under which: an organisation at the root or under an organisation (a
    /// 机关党委 under its 党组), a general branch under an organisation, a branch under an
    /// organisation or a general branch, a small group under a branch.
    /// </summary>
    /// <param name="child">The node's kind.</param>
    /// <param name="parent">The parent's kind, or null for the root.</param>
    public static bool IsAllowedUnder(NodeKind child, NodeKind? parent) => child switch
    {
        NodeKind.Organisation => parent is null or NodeKind.Organisation,
        NodeKind.GeneralBranch => parent is NodeKind.Organisation,
        NodeKind.Branch => parent is NodeKind.Organisation or NodeKind.GeneralBranch,
        NodeKind.SmallGroup => parent is NodeKind.Branch,
        _ => false,
    };

    /// <summary>Checks adding a node. Ids are unique in the tenant, closed nodes' ids included.</summary>
    public static DirectoryFailure? CanCreate(OrganisationTree tree, string nodeId, NodeKind kind, string? parentId)
    {
        if (tree.Find(nodeId) is not null)
        {
            return new ResourceExists(DirectoryResource.Node, nodeId, $"Node '{nodeId}' exists already (ids are never reused).");
        }

        TreeNode? parent = null;
        if (parentId is not null)
        {
            parent = tree.Find(parentId);
            if (parent is null)
            {
                return Missing(parentId);
            }

            if (parent.IsClosed)
            {
                return new RuleBroken(FailureCodes.ParentClosed, "parent_id", $"Node '{parentId}' is closed and takes no children.");
            }
        }

        return IsAllowedUnder(kind, parent?.Kind) ? null : KindNotAllowed("parent_id", kind, parent);
    }

    /// <summary>Checks giving a node a new name.</summary>
    public static DirectoryFailure? CanRename(OrganisationTree tree, string nodeId, string name)
    {
        var node = tree.Find(nodeId);
        if (node is null)
        {
            return Missing(nodeId);
        }

        if (node.IsClosed)
        {
            return Closed(nodeId);
        }

        return node.Name == name
            ? new RuleBroken(FailureCodes.NoChange, "name", $"Node '{nodeId}' has that name already.")
            : null;
    }

    /// <summary>Checks putting a node under another parent (null for the root).</summary>
    public static DirectoryFailure? CanMove(OrganisationTree tree, string nodeId, string? newParentId)
    {
        var node = tree.Find(nodeId);
        if (node is null)
        {
            return Missing(nodeId);
        }

        var parent = newParentId is null ? null : tree.Find(newParentId);
        if (newParentId is not null && parent is null)
        {
            return Missing(newParentId);
        }

        if (node.IsClosed)
        {
            return Closed(nodeId);
        }

        if (parent is { IsClosed: true })
        {
            return new RuleBroken(FailureCodes.ParentClosed, "new_parent_id", $"Node '{newParentId}' is closed and takes no children.");
        }

        if (node.ParentId == newParentId)
        {
            return new RuleBroken(FailureCodes.NoChange, "new_parent_id", $"Node '{nodeId}' is there already.");
        }

        if (newParentId is not null && tree.IsSelfOrDescendant(newParentId, nodeId))
        {
            return new RuleBroken(
                FailureCodes.MoveCreatesCycle, "new_parent_id", $"Node '{newParentId}' is '{nodeId}' itself or lies below it.");
        }

        return IsAllowedUnder(node.Kind, parent?.Kind) ? null : KindNotAllowed("new_parent_id", node.Kind, parent);
    }

    /// <summary>Checks closing a node: its open children must be closed (or moved) first.</summary>
    public static DirectoryFailure? CanClose(OrganisationTree tree, string nodeId)
    {
        var node = tree.Find(nodeId);
        if (node is null)
        {
            return Missing(nodeId);
        }

        if (node.IsClosed)
        {
            return Closed(nodeId);
        }

        return tree.HasOpenChildren(nodeId)
            ? new RuleBroken(FailureCodes.OpenChildren, "node_id", $"Node '{nodeId}' has open children; close or move them first.")
            : null;
    }

    /// <summary>Checks recording a roster: closed nodes keep their rosters but take no new ones.</summary>
    public static DirectoryFailure? CanSetRoster(OrganisationTree tree, string nodeId)
    {
        var node = tree.Find(nodeId);
        if (node is null)
        {
            return Missing(nodeId);
        }

        return node.IsClosed ? Closed(nodeId) : null;
    }

    private static ResourceMissing Missing(string nodeId) =>
        new(DirectoryResource.Node, nodeId, $"Node '{nodeId}' does not exist.");

    private static RuleBroken Closed(string nodeId) =>
        new(FailureCodes.NodeClosed, "node_id", $"Node '{nodeId}' is closed and takes no changes.");

    private static RuleBroken KindNotAllowed(string subject, NodeKind kind, TreeNode? parent) =>
        new(FailureCodes.ParentKindNotAllowed, subject, parent is null
            ? $"A {kind} cannot be a root; only organisations can."
            : $"A {kind} cannot be placed under {parent.Kind} '{parent.Id}'.");
}
