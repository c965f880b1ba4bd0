using BranchLedger.Contracts.Scoring;

namespace BranchLedger.Grains.Scoring;

/// <summary>The list of tenants, for city-wide background work. Tenant grains register themselves.</summary>
public sealed class TenantRegistryGrain(
    [PersistentState(stateName: "tenant-registry", storageName: StorageNames.Ledger)] IPersistentState<TenantRegistryState> registry)
    : Grain, ITenantRegistryGrain
{
    /// <inheritdoc />
    public async Task Register(string tenant)
    {
        var at = registry.State.Tenants.BinarySearch(tenant, StringComparer.Ordinal);
        if (at >= 0)
        {
            return;
        }

        registry.State.Tenants.Insert(~at, tenant);
        try
        {
            await registry.WriteStateAsync();
        }
        catch
        {
            registry.State.Tenants.Remove(tenant);
            throw;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. registry.State.Tenants]);
}

/// <summary>What the registry persists.</summary>
[GenerateSerializer, Alias("branchledger.state.TenantRegistry.v1")]
public sealed class TenantRegistryState
{
    /// <summary>Tenant ids, ordinal order.</summary>
    [Id(0)] public List<string> Tenants { get; set; } = [];
}
