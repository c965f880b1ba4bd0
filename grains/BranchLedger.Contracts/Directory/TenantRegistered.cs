namespace BranchLedger.Contracts.Directory;

/// <summary>The tenant's profile was created.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.TenantRegistered")]
public sealed record TenantRegistered : DirectoryChange
{
    /// <summary>The profile as registered.</summary>
    [Id(0)] public required TenantProfile Profile { get; init; }
}
