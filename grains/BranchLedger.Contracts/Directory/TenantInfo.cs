namespace BranchLedger.Contracts.Directory;

/// <summary>A registered tenant as it is now (or was after a given change).</summary>
[GenerateSerializer, Immutable, Alias("branchledger.TenantInfo")]
public sealed record TenantInfo
{
    /// <summary>The tenant id (the grain's key).</summary>
    [Id(0)] public required string TenantId { get; init; }

    /// <summary>The current profile.</summary>
    [Id(1)] public required TenantProfile Profile { get; init; }

    /// <summary>Who registered it.</summary>
    [Id(2)] public required string CreatedBy { get; init; }

    /// <summary>When it was registered.</summary>
    [Id(3)] public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who changed the profile last.</summary>
    [Id(4)] public required string UpdatedBy { get; init; }

    /// <summary>When the profile was changed last.</summary>
    [Id(5)] public required DateTimeOffset UpdatedAt { get; init; }
}
