using BranchLedger.Contracts.Rankings;
using BranchLedger.Gateway.Services;
using BranchLedger.Integration.Tests.Infrastructure;
using static BranchLedger.Integration.Tests.Rankings.RankingScores;

namespace BranchLedger.Integration.Tests.Rankings;

/// <summary>Shards write their snapshots lazily, yet a whole-cluster restart finds the rankings as they were.</summary>
public sealed class RankingPersistenceTests
{
    [Fact]
    public async Task A_cluster_restart_reloads_the_shards_from_their_snapshots_without_any_republishing()
    {
        var db = await TestPostgres.CreateDatabaseAsync("ranking-restart");
        var scores = City(tenants: 5, minBranches: 20, maxBranches: 40, "2026-Q1", seed: 3);
        var expected = BruteForce(scores).Select(Id).ToList();
        var removed = scores[4];
        expected.Remove(Id(removed));

        await using (var cluster = await LedgerCluster.StartAsync(db))
        {
            await RankingPush.PublishManyAsync(cluster.Client, scores);
            await RankingPush.WithdrawAsync(cluster.Client, new BranchRemoval { Tenant = removed.Tenant, NodeId = removed.NodeId, Period = "2026-Q1", RubricVersion = Rubric });
            await RankingPush.FlushAsync(cluster.Client);
            Assert.Equal(expected, await CityIdsAsync(cluster.Client));
        } // stopping deactivates the shards, which write what the timer has not written yet

        await using (var cluster = await LedgerCluster.StartAsync(db))
        {
            Assert.Equal(expected, await CityIdsAsync(cluster.Client));

            // The tombstone came back too: a late push of the withdrawn branch stays out.
            await RankingPush.PublishAsync(cluster.Client, removed with { Version = 9 });
            await RankingPush.FlushAsync(cluster.Client);
            Assert.Equal(expected, await CityIdsAsync(cluster.Client));
        }
    }

    private static async Task<List<string>> CityIdsAsync(IClusterClient client)
    {
        var reader = new RankingReader(client, new RankingCatalogCache(client, TimeProvider.System));
        var layout = await reader.ServingLayoutAsync();
        Assert.NotNull(layout);
        var top = await reader.TopAsync(layout, new RankingView("2026-Q1", null, null), null, 1_000);
        return [.. top.Rows.Select(r => Id(r.Row))];
    }
}
