namespace BranchLedger.Domain.Directory;

/// <summary>The things a directory change can name.</summary>
public enum DirectoryResource
{
    /// <summary>A tenant's profile.</summary>
    Tenant,
    /// <summary>A node of the organisation tree.</summary>
    Node,
}

/// <summary>
/// Why a well-formed directory change cannot be applied to the directory as it is now. Field
/// problems are <see cref="Validation.Violations"/>; these depend on state, so only the tenant grain
/// can find them.
/// </summary>
/// <param name="Description">What is wrong, for a person to read.</param>
public abstract record DirectoryFailure(string Description);

/// <summary>The change names a tenant or node that does not exist.</summary>
/// <param name="Resource">What is missing.</param>
/// <param name="Id">The id asked for.</param>
/// <param name="Description">What is wrong, for a person to read.</param>
public sealed record ResourceMissing(DirectoryResource Resource, string Id, string Description)
    : DirectoryFailure(Description);

/// <summary>The change would create a tenant or node that exists already.</summary>
/// <param name="Resource">What exists.</param>
/// <param name="Id">Its id.</param>
/// <param name="Description">What is wrong, for a person to read.</param>
public sealed record ResourceExists(DirectoryResource Resource, string Id, string Description)
    : DirectoryFailure(Description);

/// <summary>The change breaks a rule of the tree or the tenant.</summary>
/// <param name="Code">One of <see cref="FailureCodes"/>, stable for clients to branch on.</param>
/// <param name="Subject">The request field the rule is about, e.g. <c>parent_id</c>.</param>
/// <param name="Description">What is wrong, for a person to read.</param>
public sealed record RuleBroken(string Code, string Subject, string Description) : DirectoryFailure(Description);
