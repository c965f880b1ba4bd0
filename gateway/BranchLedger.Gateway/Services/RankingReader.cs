using BranchLedger.Contracts.Rankings;
using BranchLedger.Domain.Rankings;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// Every ranking read: asks the shards of one view and merges their answers, exactly as the shards
/// answer. The shards are this gateway's replicas (<see cref="RankingReplica"/>), so a read of a view
/// already replicated makes no silo call (the serving layout is cached for a second); the first read
/// of a shard fetches it. Never a ledger.
/// </summary>
internal sealed class RankingReader(RankingReplica replica, RankingCatalogCache catalog)
{
    private const int MaxMergedPages = 256;

    // The merged pages last answered, each with the shard pages it was merged from. A replica hands out
    // the same page object until its shard changes (ShardReplica's page cache), so while every shard's
    // page is the same object the merge is too, and many screens reading one top 50 merge it once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(RankingView View, RankingCursor? After, int Count), (ShardPage[] Pages, RankingTop Top)> _merged = new();

    /// <summary>A reader with a replica of its own over a cluster client (tools and tests; the gateway shares one, <see cref="RankingRuntime"/>).</summary>
    public RankingReader(IGrainFactory grains, RankingCatalogCache catalog)
        : this(new RankingReplica(grains, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, TimeSpan.FromSeconds(10), CancellationToken.None), catalog)
    {
    }

    public Task<RankingLayout?> ServingLayoutAsync() => catalog.ServingAsync();

    /// <summary>
    /// A page of the view after <paramref name="after"/>. Each shard sends its next count + 1 rows, so
    /// the merge is exact and tells whether more follow. Ranks come from the shards' counts of
    /// entries ahead of the cursor; with a name filter (rows are then not consecutive) from one batch
    /// of standings per shard.
    /// </summary>
    public async Task<RankingTop> TopAsync(RankingLayout layout, RankingView view, RankingCursor? after, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, ShardPageQuery.MaxCount - 1);
        var shards = Shards(layout, view.Period, view.Tenant);
        var query = new ShardPageQuery { IndicatorId = view.IndicatorId, After = after, Count = count + 1, NameContains = view.NameContains };
        var pages = await Task.WhenAll(shards.Select(s => replica.PageAsync(s, query)));
        var key = (view, after, count);
        if (_merged.TryGetValue(key, out var last) && last.Pages.Length == pages.Length && last.Pages.Zip(pages).All(p => ReferenceEquals(p.First, p.Second)))
        {
            return last.Top;
        }

        var merged = RankingMerge.Merge(pages.Select(p => p.Rows).ToList(), r => r.Position, 0, count + 1);
        var rows = merged.Take(count).ToList();
        long[] ranks;
        if (view.NameContains is null)
        {
            long ahead = pages.Sum(p => p.Skipped);
            ranks = [.. rows.Select((_, i) => ahead + i + 1)];
        }
        else
        {
            var standings = await StandingsAsync(shards, view.IndicatorId, [.. rows.Select(r => RankingCursor.Of(r.Position))]);
            ranks = [.. standings.Select(s => (long)s.Rank)];
        }

        var top = new RankingTop(
            [.. rows.Select((r, i) => (r, ranks[i]))], merged.Count > count, pages.Sum(p => (long)p.Count), [.. pages.Select(p => p.Version)]);
        if (view.NameContains is null)
        {
            // Searches being typed would fill it with pages read once: only plain listings are kept.
            if (_merged.Count >= MaxMergedPages)
            {
                _merged.Clear();
            }

            _merged[key] = (pages, top);
        }

        return top;
    }

    /// <summary>A branch's score and its standings by total city-wide and in its tenant; null when it has no score.</summary>
    public async Task<(BranchScore Score, Standing City, Standing Tenant)?> LocateAsync(RankingLayout layout, string period, string tenant, string nodeId)
    {
        var location = await LocateInTenantAsync(layout, period, tenant, nodeId);
        if (location is null)
        {
            return null;
        }

        var city = await CityStandingsAsync(layout, period, null, [location.Probe]);
        return (location.Score, city[0], location.Standing);
    }

    /// <summary>A branch's full score and standing in its tenant's shard; null when it has no score.</summary>
    public Task<ShardLocation?> LocateInTenantAsync(RankingLayout layout, string period, string tenant, string nodeId) =>
        replica.ReadAsync(layout.TenantShardKey(period, tenant), v => v.Locate(tenant, nodeId));

    /// <summary>Where each probe stands city-wide: one call per city shard for all probes.</summary>
    public Task<IReadOnlyList<Standing>> CityStandingsAsync(RankingLayout layout, string period, string? indicatorId, IReadOnlyList<RankingCursor> probes) =>
        StandingsAsync(Shards(layout, period, null), indicatorId, probes);

    /// <summary>The view's scores as exact counts, merged over its shards.</summary>
    public async Task<ScoreCounts> DistributionAsync(RankingLayout layout, string period, string? tenant, string? indicatorId)
    {
        var parts = await Task.WhenAll(Shards(layout, period, tenant).Select(s => replica.ReadAsync(s, v => v.Distribution(indicatorId))));
        return ScoreCounts.Merge(parts.Select(p => p.ToCounts()));
    }

    /// <summary>Every tenant's stats over the city shards.</summary>
    public async Task<IReadOnlyList<TenantStats>> TenantStatsAsync(RankingLayout layout, string period)
    {
        var parts = await Task.WhenAll(Shards(layout, period, null).Select(s => replica.ReadAsync(s, v => v.TenantAggregates())));
        return TenantStats.Merge(parts.SelectMany(p => p).Select(a => a.ToStats()));
    }

    /// <summary>The replicas of the view's shards (the watch feeds wait on their changes).</summary>
    public IReadOnlyList<ShardReplica> Replicas(RankingLayout layout, string period, string? tenant) =>
        [.. Shards(layout, period, tenant).Select(replica.Shard)];

    private async Task<IReadOnlyList<Standing>> StandingsAsync(IReadOnlyList<string> shards, string? indicatorId, IReadOnlyList<RankingCursor> probes)
    {
        if (probes.Count == 0)
        {
            return [];
        }

        var parts = await Task.WhenAll(shards.Select(s => replica.ReadAsync(s, v => v.Standings(indicatorId, probes))));
        return [.. probes.Select((_, i) => Standing.Sum(parts.Select(p => p.At(i))))];
    }

    private static List<string> Shards(RankingLayout layout, string period, string? tenant) =>
        tenant is null ? [.. layout.CityShardKeys(period)] : [layout.TenantShardKey(period, tenant)];
}
