using System.Collections.Concurrent;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// Tenants' display names for city views, which show branches of many tenants: asked of each tenant's
/// directory grain at most once per <see cref="Freshness"/> per gateway, so a ranking page costs no
/// directory calls once warm. A renamed tenant shows within that time. A known name is answered at
/// once even when due: the refresh runs in the background (one per tenant), so a read never waits for
/// a directory grain — which, after its silo was lost, answers only once it has reactivated elsewhere.
/// </summary>
internal sealed class TenantNames(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (string Name, DateTimeOffset At)> _names = new(StringComparer.Ordinal);
    private readonly Hosting.BackgroundRefresh _refreshing = new();

    /// <summary>Sets each item's tenant name, looking every distinct tenant up once.</summary>
    public async Task FillAsync<T>(IEnumerable<T> items, Func<T, string> tenantOf, Action<T, string> setName)
    {
        var list = items.ToList();
        var tenants = list.Select(tenantOf).Distinct(StringComparer.Ordinal).ToList();
        var names = await Task.WhenAll(tenants.Select(NameOfAsync));
        var byTenant = tenants.Zip(names).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        foreach (var item in list)
        {
            setName(item, byTenant[tenantOf(item)]);
        }
    }

    private async Task<string> NameOfAsync(string tenant)
    {
        if (_names.TryGetValue(tenant, out var cached))
        {
            if (clock.GetUtcNow() - cached.At >= Freshness)
            {
                RefreshInBackground(tenant);
            }

            return cached.Name;
        }

        return await LookUpAsync(tenant);
    }

    private void RefreshInBackground(string tenant) => _refreshing.Start(tenant, () => LookUpAsync(tenant));

    private async Task<string> LookUpAsync(string tenant)
    {
        var now = clock.GetUtcNow();

        // A city view legitimately names every tenant it shows (the caller's city permission was checked),
        // so this one directory read acts for no tenant; the change stays inside this async flow.
        TenantBoundary.ActFor(null);
        var info = await grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenant)).GetTenant();
        var name = info?.Profile.DisplayName is { Length: > 0 } displayName ? displayName : tenant;
        _names[tenant] = (name, now);
        return name;
    }
}
