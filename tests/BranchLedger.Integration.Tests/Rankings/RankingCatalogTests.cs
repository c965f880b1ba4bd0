using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Gateway.Services;
using static BranchLedger.Integration.Tests.Rankings.RankingScores;

namespace BranchLedger.Integration.Tests.Rankings;

/// <summary>The catalog: the first version pushed serves; a rescored version fills its own shards and serves once flipped.</summary>
public sealed class RankingCatalogTests(RankingClusterFixture fixture) : IClassFixture<RankingClusterFixture>
{
    private IRankingCatalogGrain Catalog => fixture.Client.GetGrain<IRankingCatalogGrain>(RankingKeys.Catalog);

    [Fact]
    public async Task Reads_follow_the_serving_version_and_each_version_keeps_its_own_shard_count()
    {
        Assert.Null(await Catalog.GetServingVersion());
        await RankingPush.PublishAsync(fixture.Client, Score("tenant-a", "branch-a", "2026", 70));
        await RankingPush.FlushAsync(fixture.Client);
        Assert.Equal(Rubric, await Catalog.GetServingVersion());

        // A rescoring under a new rubric, with fewer shards: it fills in the background ...
        await Catalog.SetDefaultCityShards(3);
        await RankingPush.PublishManyAsync(fixture.Client,
        [
            Score("tenant-a", "branch-a", "2026", 91) with { RubricVersion = "test@2" },
            Score("tenant-b", "branch-b", "2026", 88) with { RubricVersion = "test@2" },
        ]);
        await RankingPush.FlushAsync(fixture.Client);
        Assert.Equal(new RankingLayout("test@2", 3), await Catalog.GetLayout("test@2"));
        Assert.Equal(new RankingLayout(Rubric, RankingKeys.DefaultCityShards), await Catalog.GetServingLayout());
        Assert.Equal([70.0], await CityTotalsAsync());

        // ... and serves once switched on.
        await Catalog.SetServingVersion("test@2");
        Assert.Equal([91.0, 88.0], await CityTotalsAsync());
        Assert.Null(await Catalog.GetLayout("test@9"));
        await Assert.ThrowsAsync<InvalidCommandException>(() => Catalog.SetDefaultCityShards(0));
        await Assert.ThrowsAsync<InvalidCommandException>(() => Catalog.SetServingVersion("a/b"));
    }

    private async Task<List<double>> CityTotalsAsync()
    {
        var reader = new RankingReader(fixture.Client, new RankingCatalogCache(fixture.Client, TimeProvider.System));
        var layout = (await reader.ServingLayoutAsync())!;
        var top = await reader.TopAsync(layout, new RankingView("2026", null, null), null, 10);
        return [.. top.Rows.Select(r => r.Row.Total)];
    }
}
