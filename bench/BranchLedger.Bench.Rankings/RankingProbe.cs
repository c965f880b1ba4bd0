using BranchLedger.Contracts.Rankings;
using BranchLedger.Domain.Rankings;

namespace BranchLedger.Bench.Rankings;

/// <summary>
/// The gateway's read path (<c>RankingReader</c> and <c>RankingCatalogCache</c>) on the grain
/// contracts, without gRPC: the serving layout cached for a second, a city top read as one
/// <see cref="IRankingShardGrain.Page"/> per city shard merged k-way, a branch's standing from the
/// shard that holds it and the city-wide rank from every shard's standings.
/// </summary>
internal sealed class RankingProbe(IGrainFactory grains)
{
    private static readonly TimeSpan LayoutFreshness = TimeSpan.FromSeconds(1);
    private volatile CachedLayout? _layout;

    public IGrainFactory Grains => grains;

    public IRankingCatalogGrain Catalog => grains.GetGrain<IRankingCatalogGrain>(RankingKeys.Catalog);

    /// <summary>The serving layout, asked of the catalog at most once a second (as each gateway does).</summary>
    public async Task<RankingLayout?> ServingLayoutAsync()
    {
        if (_layout is { } cached && DateTime.UtcNow - cached.At < LayoutFreshness)
        {
            return cached.Layout;
        }

        var layout = await Catalog.GetServingLayout();
        _layout = layout is null ? null : new CachedLayout(layout, DateTime.UtcNow);
        return layout;
    }

    public IRankingShardGrain CityShardOf(RankingLayout layout, string period, string tenant, string nodeId) =>
        grains.GetGrain<IRankingShardGrain>(RankingKeys.CityShardOf(layout.RubricVersion, period, tenant, nodeId, layout.CityShards));

    public IRankingShardGrain TenantShard(RankingLayout layout, string period, string tenant) =>
        grains.GetGrain<IRankingShardGrain>(layout.TenantShardKey(period, tenant));

    public List<IRankingShardGrain> CityShards(RankingLayout layout, string period) =>
        [.. layout.CityShardKeys(period).Select(key => grains.GetGrain<IRankingShardGrain>(key))];

    /// <summary>Branches ranked city-wide in the period (each shard's count, summed).</summary>
    public async Task<long> CityCountAsync(RankingLayout layout, string period)
    {
        var pages = await Task.WhenAll(CityShards(layout, period).Select(s => s.Page(new ShardPageQuery { Count = 0 })));
        return pages.Sum(p => (long)p.Count);
    }

    /// <summary>Every city shard's change counter.</summary>
    public async Task<long[]> CityVersionsAsync(RankingLayout layout, string period) =>
        await Task.WhenAll(CityShards(layout, period).Select(s => s.GetVersion()));

    /// <summary>The city top <paramref name="count"/> by total, with ranks: <c>RankingReader.TopAsync</c> without a cursor or name filter.</summary>
    public async Task<(IReadOnlyList<(RankingRow Row, long Rank)> Rows, long Ranked)> CityTopAsync(RankingLayout layout, string period, int count)
    {
        var query = new ShardPageQuery { Count = count + 1 };
        var pages = await Task.WhenAll(CityShards(layout, period).Select(s => s.Page(query)));
        var merged = RankingMerge.Merge(pages.Select(p => p.Rows).ToList(), r => r.Position, 0, count + 1);
        long ahead = pages.Sum(p => p.Skipped);
        return ([.. merged.Take(count).Select((r, i) => (r, ahead + i + 1))], pages.Sum(p => (long)p.Count));
    }

    /// <summary>The branch's rank by total city-wide: one standings call per city shard (<c>RankingReader.CityStandingsAsync</c>).</summary>
    public async Task<int> CityRankAsync(RankingLayout layout, string period, ShardLocation location)
    {
        var parts = await Task.WhenAll(CityShards(layout, period).Select(s => s.Standings(null, [location.Probe])));
        return Standing.Sum(parts.Select(p => p.At(0))).Rank;
    }

    private sealed record CachedLayout(RankingLayout Layout, DateTime At);
}
