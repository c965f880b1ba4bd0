namespace BranchLedger.Domain.Directory;

/// <summary>The codes of <see cref="RuleBroken"/>: clients branch on them, so they never change.</summary>
public static class FailureCodes
{
    /// <summary>Node writes need a registered tenant.</summary>
    public const string TenantNotRegistered = "TENANT_NOT_REGISTERED";

    /// <summary>The node's kind may not sit under that parent (or at the root).</summary>
    public const string ParentKindNotAllowed = "PARENT_KIND_NOT_ALLOWED";

    /// <summary>The move would put a node under itself or one of its descendants.</summary>
    public const string MoveCreatesCycle = "MOVE_CREATES_CYCLE";

    /// <summary>The node is closed and takes no more changes.</summary>
    public const string NodeClosed = "NODE_CLOSED";

    /// <summary>The parent is closed and takes no more children.</summary>
    public const string ParentClosed = "PARENT_CLOSED";

    /// <summary>A node with open children cannot be closed.</summary>
    public const string OpenChildren = "OPEN_CHILDREN";

    /// <summary>The change would leave everything as it is; history records changes only.</summary>
    public const string NoChange = "NO_CHANGE";
}
