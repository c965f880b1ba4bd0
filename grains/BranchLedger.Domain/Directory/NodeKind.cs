namespace BranchLedger.Domain.Directory;

/// <summary>The level of a node in a tenant's organisation tree (values match the API's enum).</summary>
public enum NodeKind
{
    /// <summary>Not set; never valid on a node.</summary>
    Unspecified = 0,
    /// <summary>党组 or 机关党委: at the root, or under another organisation.</summary>
    Organisation = 1,
    /// <summary>党总支: under an organisation.</summary>
    GeneralBranch = 2,
    /// <summary>党支部: under an organisation or a general branch.</summary>
    Branch = 3,
    /// <summary>党小组: under a branch.</summary>
    SmallGroup = 4,
}
