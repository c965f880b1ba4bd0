using System.Collections.Concurrent;
using BranchLedger.Contracts.Access;
using BranchLedger.Domain.Access;
using Microsoft.Extensions.Options;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// What the access grain says about subjects and API keys, cached for <see cref="AuthOptions.CacheSeconds"/>
/// so a request costs no extra grain call. Changes made through this gateway evict at once; other
/// gateways see them when their entry expires. An expired subject entry is still answered, for at most
/// <see cref="StaleFor"/> × the cache time more, while one refresh runs in the background: a request
/// does not wait for the access grain, which after its silo was lost answers only once it has
/// reactivated elsewhere (a revocation elsewhere then shows after the refresh, not later than that).
/// </summary>
internal sealed class GrantDirectory(IGrainFactory grains, IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, IReadOnlyList<Grant> Grants)> _subjects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, ApiKeyInfo? Key)> _keys = new(StringComparer.Ordinal);

    private readonly Hosting.BackgroundRefresh _refreshing = new();

    /// <summary>How many cache times past expiry an entry may still answer while its refresh is under way.</summary>
    public const int StaleFor = 6;

    private IAccessGrain Access => grains.GetGrain<IAccessGrain>(AccessKeys.Platform);

    private TimeSpan Ttl => TimeSpan.FromSeconds(Math.Max(0, options.Value.CacheSeconds));

    /// <summary>The grants bound to a subject, plus platform admin when configured so.</summary>
    public async Task<IReadOnlyList<Grant>> GrantsOfAsync(string subject)
    {
        var now = clock.GetUtcNow();
        if (_subjects.TryGetValue(subject, out var cached) && cached.Until > now)
        {
            return cached.Grants;
        }

        if (cached.Grants is not null && cached.Until + (Ttl * StaleFor) > now)
        {
            RefreshInBackground(subject);
            return cached.Grants;
        }

        return await LoadGrantsAsync(subject);
    }

    private async Task<IReadOnlyList<Grant>> LoadGrantsAsync(string subject)
    {
        var now = clock.GetUtcNow();
        var stored = await Access.GrantsOf(subject);
        IReadOnlyList<Grant> grants = [.. stored.Select(Grant.Parse).OfType<Grant>()];
        if (options.Value.PlatformAdmins.Contains(subject, StringComparer.Ordinal))
        {
            grants = [.. grants, Grant.Everywhere(Role.PlatformAdmin)];
        }

        _subjects[subject] = (now + Ttl, grants);
        return grants;
    }

    // One refresh per subject at a time; a failure leaves the entry to answer until it is too old.
    private void RefreshInBackground(string subject) => _refreshing.Start(subject, () => LoadGrantsAsync(subject));

    /// <summary>An API key by id, or null.</summary>
    public async Task<ApiKeyInfo?> FindKeyAsync(string keyId)
    {
        var now = clock.GetUtcNow();
        if (!_keys.TryGetValue(keyId, out var cached) || cached.Until <= now)
        {
            cached = (now + Ttl, await Access.FindApiKey(keyId));
            _keys[keyId] = cached;
        }

        return cached.Key;
    }

    /// <summary>Forgets a subject after its bindings changed here.</summary>
    public void EvictSubject(string subject) => _subjects.TryRemove(subject, out _);

    /// <summary>Forgets a key after it changed here.</summary>
    public void EvictKey(string keyId) => _keys.TryRemove(keyId, out _);
}
