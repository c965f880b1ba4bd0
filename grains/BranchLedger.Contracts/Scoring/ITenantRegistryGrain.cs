using Orleans.Concurrency;

namespace BranchLedger.Contracts.Scoring;

/// <summary>
/// Which tenants exist (key <see cref="CityKeys.City"/>), so city-wide background work — rescoring,
/// rebuilding rankings — can reach every ledger through the tenants' directories.
/// </summary>
public interface ITenantRegistryGrain : IGrainWithStringKey
{
    /// <summary>Adds a tenant (idempotent).</summary>
    [AlwaysInterleave]
    Task Register(string tenant);

    /// <summary>Every tenant id, in ordinal order.</summary>
    [ReadOnly]
    Task<IReadOnlyList<string>> List();
}
