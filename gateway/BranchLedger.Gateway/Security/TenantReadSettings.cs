using System.Collections.Concurrent;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using Microsoft.Extensions.Options;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// Whether a tenant lets node-scoped grants (branch secretaries) read the whole tenant
/// (<c>TenantProfile.secretaries_read_whole_tenant</c>), asked only for callers holding such a grant and
/// cached for <see cref="AuthOptions.CacheSeconds"/>. A change made through this gateway evicts at
/// once; other gateways see it when their entry expires (the staleness bound, 10 s by default).
/// </summary>
internal sealed class TenantReadSettings(IGrainFactory grains, IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, bool WholeTenant)> _tenants = new(StringComparer.Ordinal);

    public async Task<bool> SecretariesReadWholeTenantAsync(string tenant)
    {
        var now = clock.GetUtcNow();
        if (_tenants.TryGetValue(tenant, out var cached) && cached.Until > now)
        {
            return cached.WholeTenant;
        }

        var whole = await ReadAsync(tenant);
        _tenants[tenant] = (now + TimeSpan.FromSeconds(Math.Max(0, options.Value.CacheSeconds)), whole);
        return whole;
    }

    /// <summary>Forgets a tenant after its profile changed here.</summary>
    public void Evict(string tenant) => _tenants.TryRemove(tenant, out _);

    // Its own async frame: the tenant boundary set here does not leak into the request's flow.
    private async Task<bool> ReadAsync(string tenant)
    {
        TenantBoundary.ActFor(tenant);
        var info = await grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenant)).GetTenant();
        return info?.Profile.SecretariesReadWholeTenant ?? false;
    }
}
