using BranchLedger.Contracts.Rankings;
using BranchLedger.Domain.Rankings;
using BranchLedger.Gateway.Services;
using BranchLedger.Grains.Rankings;
using Npgsql;
using static BranchLedger.Integration.Tests.Rankings.RankingScores;

namespace BranchLedger.Integration.Tests.Rankings;

/// <summary>
/// A city of more than 1,000 branches in more than 20 tenants, pushed through the ingress into real
/// shard grains on PostgreSQL: every read the gateway makes equals a brute-force sort of all pushed
/// scores — after the first pushes, after rescoring (with stale versions and withdrawals), and after
/// the shards' rows were lost and the branches published again.
/// </summary>
public sealed class CityRankingTests(RankingClusterFixture fixture) : IClassFixture<RankingClusterFixture>
{
    private const string Period = "2026";

    private RankingReader Reader => fixture.Reader;

    [Fact]
    public async Task Every_view_equals_a_brute_force_sort_through_rescoring_and_after_the_rows_are_lost()
    {
        var city = City(tenants: 24, minBranches: 30, maxBranches: 70, Period, seed: 2026);
        var tenants = city.Select(s => s.Tenant).Distinct().ToList();
        Assert.True(city.Count >= 1_000 && tenants.Count >= 20, $"{city.Count} branches in {tenants.Count} tenants");

        // Some pushes one by one (as ledgers do), the rest in batches (as a republish does).
        await Task.WhenAll(city.Take(300).Select(s => RankingPush.PublishAsync(fixture.Client, s)));
        foreach (var batch in city.Skip(300).Chunk(250))
        {
            await RankingPush.PublishManyAsync(fixture.Client, batch);
        }

        var layout = await WaitForAsync(city);
        Assert.Equal(new RankingLayout(Rubric, RankingKeys.DefaultCityShards), layout);
        await CheckEverythingAsync(layout, city, tenants);

        // Rescore: 150 go down, 150 go up, 20 are withdrawn (closed nodes).
        var random = new Random(7);
        var current = city.ToDictionary(Id);
        var changed = city.OrderBy(_ => random.Next()).Take(320).ToList();
        var lower = changed.Take(150).Select(s => s with { Total = Math.Round(s.Total * 0.5, 2), Version = 2, Grade = "降" }).ToList();
        var higher = changed.Skip(150).Take(150).Select(s => s with { Total = Math.Round(s.Total + ((100 - s.Total) * 0.7), 2), Version = 2 }).ToList();
        var withdrawn = changed.Skip(300).ToList();
        foreach (var score in lower.Concat(higher))
        {
            current[Id(score)] = score;
        }

        await RankingPush.PublishManyAsync(fixture.Client, [.. lower, .. higher]);
        await Task.WhenAll(withdrawn.Select(s => RankingPush.WithdrawAsync(fixture.Client, new BranchRemoval
        {
            Tenant = s.Tenant, NodeId = s.NodeId, Period = Period, RubricVersion = Rubric,
        })));
        withdrawn.ForEach(s => current.Remove(Id(s)));
        var rescored = current.Values.ToList();
        await WaitForAsync(rescored);

        // Stale pushes (versions not newer) and pushes of withdrawn branches change nothing.
        await RankingPush.PublishManyAsync(fixture.Client,
        [
            .. lower.Select(s => s with { Total = 100, Version = 2 }),
            .. higher.Select(s => s with { Total = 0, Version = 1 }),
            .. withdrawn.Select(s => s with { Total = 99.99, Version = 5 }),
        ]);
        await RankingPush.FlushAsync(fixture.Client);
        await CheckEverythingAsync(layout, rescored, tenants);

        // The snapshots reach storage lazily, on their own.
        var shardCount = RankingKeys.DefaultCityShards + tenants.Count;
        Assert.Equal(shardCount, await Poll.UntilAsync(() => StoredSnapshotsAsync(), n => n == shardCount));

        // Rows lost: clear the shards, delete their rows, and let every branch publish again.
        await RankingPush.ResetAsync(fixture.Client, Rubric, Period, tenants);
        await DeleteSnapshotRowsAsync();
        var empty = await Reader.TopAsync(layout, new RankingView(Period, null, null), null, 10);
        Assert.Equal(0, empty.RankedCount);
        Assert.Empty(empty.Rows);

        foreach (var batch in rescored.Chunk(400))
        {
            await RankingPush.PublishManyAsync(fixture.Client, batch);
        }

        await WaitForAsync(rescored);
        await CheckEverythingAsync(layout, rescored, tenants);
        Assert.Equal(shardCount, await Poll.UntilAsync(() => StoredSnapshotsAsync(), n => n == shardCount));
    }

    [Fact]
    public async Task A_malformed_push_is_refused_before_it_is_queued()
    {
        var bad = Score("tenant-00", "Not A Slug", "2026-13", 101) with { RubricVersion = "a/b" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => RankingPush.PublishAsync(fixture.Client, bad));

        Assert.Contains("node id", error.Message, StringComparison.Ordinal);
        Assert.Contains("period", error.Message, StringComparison.Ordinal);
        Assert.Contains("total", error.Message, StringComparison.Ordinal);
        Assert.Contains("rubric version", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Client.GetGrain<IRankingIngressGrain>(0).Publish(bad));
    }

    private async Task<RankingLayout> WaitForAsync(IReadOnlyList<BranchScore> expected)
    {
        var layout = await Poll.UntilAsync(Reader.ServingLayoutAsync, l => l is not null);
        Assert.NotNull(layout);
        var ids = BruteForce(expected).Select(Id).ToList();
        Assert.Equal(ids, await Poll.UntilAsync(() => AllPagesAsync(layout, new RankingView(Period, null, null), 500), all => all.SequenceEqual(ids)));

        // The tenant shards get their batches separately from the city shards.
        foreach (var tenant in expected.GroupBy(s => s.Tenant))
        {
            var own = BruteForce(tenant).Select(Id).ToList();
            Assert.Equal(own, await Poll.UntilAsync(() => AllPagesAsync(layout, new RankingView(Period, tenant.Key, null), 500), all => all.SequenceEqual(own)));
        }

        return layout;
    }

    private async Task CheckEverythingAsync(RankingLayout layout, IReadOnlyList<BranchScore> scores, IReadOnlyList<string> tenants)
    {
        var expected = BruteForce(scores);

        // Top N city-wide, for several N.
        foreach (var n in new[] { 1, 10, 100, 500, 1_000 })
        {
            var top = await Reader.TopAsync(layout, new RankingView(Period, null, null), null, n);
            Assert.Equal(expected.Take(n).Select(Id), top.Rows.Select(r => Id(r.Row)));
            Assert.Equal(expected.Take(n).Select(s => s.Total), top.Rows.Select(r => r.Row.Total));
            Assert.Equal(Enumerable.Range(1, Math.Min(n, expected.Count)).Select(i => (long)i), top.Rows.Select(r => r.Rank));
            Assert.Equal(expected.Count, top.RankedCount);
            Assert.Equal(n < expected.Count, top.HasMore);
        }

        // Every page, city-wide, by cursor.
        Assert.Equal(expected.Select(Id), await AllPagesAsync(layout, new RankingView(Period, null, null), 137, settled: true));

        // Each tenant's own ranking, and one tenant paged.
        foreach (var tenant in tenants)
        {
            var own = expected.Where(s => s.Tenant == tenant).ToList();
            var top = await Reader.TopAsync(layout, new RankingView(Period, tenant, null), null, 500);
            Assert.Equal(own.Select(Id), top.Rows.Select(r => Id(r.Row)));
            Assert.False(top.HasMore);
        }

        Assert.Equal(expected.Where(s => s.Tenant == tenants[3]).Select(Id), await AllPagesAsync(layout, new RankingView(Period, tenants[3], null), 7, settled: true));

        // By indicator: points, only where assessable, same tie-break.
        foreach (var indicator in new[] { "findings", "meetings" })
        {
            var byIndicator = BruteForce(scores, indicator);
            var top = await Reader.TopAsync(layout, new RankingView(Period, null, indicator), null, 100);
            Assert.Equal(byIndicator.Take(100).Select(Id), top.Rows.Select(r => Id(r.Row)));
            Assert.Equal(byIndicator.Count, top.RankedCount);
            Assert.All(top.Rows, r => Assert.Equal(indicator, r.Row.Indicator!.IndicatorId));
            Assert.Equal(byIndicator.Select(Id), await AllPagesAsync(layout, new RankingView(Period, null, indicator), 250, settled: true));
        }

        // A name filter keeps the whole ranking's ranks.
        var filtered = await Reader.TopAsync(layout, new RankingView(Period, null, null, "第7党支部"), null, 500);
        var matching = expected.Select((s, i) => (Score: s, Rank: i + 1L)).Where(x => x.Score.DisplayName.Contains("第7党支部", StringComparison.Ordinal)).ToList();
        Assert.Equal(matching.Select(m => (Id(m.Score), m.Rank)), filtered.Rows.Select(r => (Id(r.Row), r.Rank)));

        // One branch's rank and percentile, city-wide and in its tenant.
        foreach (var at in new[] { 0, 1, expected.Count / 3, expected.Count / 2, expected.Count - 1 })
        {
            var score = expected[at];
            var located = await Reader.LocateAsync(layout, Period, score.Tenant, score.NodeId);
            Assert.NotNull(located);
            var (held, cityStanding, tenantStanding) = located.Value;
            var lowerCity = expected.Count(s => Hundredths.Of(s.Total) < Hundredths.Of(score.Total));
            var own = expected.Where(s => s.Tenant == score.Tenant).ToList();
            Assert.Equal(score, held with { Indicators = score.Indicators });
            Assert.Equal(score.Indicators, held.Indicators);
            Assert.Equal(new Standing(at, lowerCity, expected.Count), cityStanding);
            Assert.Equal(Math.Round(100.0 * lowerCity / expected.Count, 2, MidpointRounding.AwayFromZero), cityStanding.Percentile);
            Assert.Equal(own.IndexOf(score) + 1, tenantStanding.Rank);
        }

        // Distribution and tenant leaderboard from the shards' exact counts.
        var distribution = await Reader.DistributionAsync(layout, Period, null, null);
        var sorted = scores.Select(s => Hundredths.Of(s.Total)).Order().ToList();
        Assert.Equal(scores.Count, distribution.Count);
        var h = (sorted.Count - 1) * 0.5;
        var median = sorted[(int)h] + ((h - Math.Floor(h)) * (sorted[Math.Min((int)h + 1, sorted.Count - 1)] - sorted[(int)h]));
        Assert.Equal(Math.Round(median / 100, 2, MidpointRounding.AwayFromZero), distribution.Quantile(0.5));
        Assert.Equal(scores.Count(s => s.Total >= 90), distribution.Histogram()[9].Count);

        var stats = await Reader.TenantStatsAsync(layout, Period);
        foreach (var tenant in scores.GroupBy(s => s.Tenant))
        {
            var one = stats.Single(s => s.Tenant == tenant.Key);
            Assert.Equal(tenant.Count(), one.Count);
            Assert.Equal(tenant.Sum(s => Hundredths.Of(s.Total)), one.Sum);
            Assert.Equal(tenant.Min(s => s.Total), one.MinTotal);
        }
    }

    // While pushes still land, ranks on later pages may shift (they are counted live); once the
    // shards are settled every page must continue the ranks of the one before.
    private async Task<List<string>> AllPagesAsync(RankingLayout layout, RankingView view, int pageSize, bool settled = false)
    {
        var ids = new List<string>();
        RankingCursor? cursor = null;
        while (true)
        {
            var page = await Reader.TopAsync(layout, view, cursor, pageSize);
            if (settled)
            {
                Assert.Equal(Enumerable.Range(ids.Count + 1, page.Rows.Count).Select(i => (long)i), page.Rows.Select(r => r.Rank));
            }

            ids.AddRange(page.Rows.Select(r => Id(r.Row)));
            if (!page.HasMore)
            {
                return ids;
            }

            cursor = RankingCursor.Of(page.Rows[^1].Row.Position);
        }
    }

    private async Task<long> StoredSnapshotsAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "select count(*) from orleansstorage where graintypestring = @state and payloadbinary is not null and grainidextensionstring like @period", connection);
        count.Parameters.AddWithValue("state", RankingShardGrain.StateName);
        count.Parameters.AddWithValue("period", $"%{Rubric}/{Period}/%");
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task DeleteSnapshotRowsAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var delete = new NpgsqlCommand("delete from orleansstorage where graintypestring = @state", connection);
        delete.Parameters.AddWithValue("state", RankingShardGrain.StateName);
        Assert.True(await delete.ExecuteNonQueryAsync() > 0);
    }
}
