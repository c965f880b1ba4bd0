namespace BranchLedger.Contracts.Directory;

/// <summary>The tenant's profile was replaced.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.TenantProfileUpdated")]
public sealed record TenantProfileUpdated : DirectoryChange
{
    /// <summary>The whole new profile.</summary>
    [Id(0)] public required TenantProfile Profile { get; init; }
}
