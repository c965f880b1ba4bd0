using BranchLedger.Contracts.Rankings;
using BranchLedger.Contracts.Scoring;
using BranchLedger.Gateway.Services;
using BranchLedger.Integration.Tests.Infrastructure;
using BranchLedger.Integration.Tests.Rankings;
using static BranchLedger.Integration.Tests.Rankings.RankingScores;

namespace BranchLedger.Integration.Tests.Scoring;

/// <summary>
/// The rubric's first activation publishes the default rubric: a fresh city ranks under it, but a
/// serving version the ranking catalog already holds stays (each test on its own fresh database).
/// </summary>
public sealed class RubricActivationTests(RankingClusterFixture fixture) : IClassFixture<RankingClusterFixture>
{
    [Fact]
    public async Task The_first_activation_keeps_the_serving_version_the_ranking_catalog_already_holds()
    {
        var catalog = fixture.Client.GetGrain<IRankingCatalogGrain>(RankingKeys.Catalog);
        await RankingPush.PublishAsync(fixture.Client, Score("tenant-a", "branch-a", "2026", 70));
        await RankingPush.FlushAsync(fixture.Client);
        Assert.Equal(Rubric, await catalog.GetServingVersion());

        var rubric = await fixture.Client.GetGrain<IRubricGrain>(CityKeys.City).Get(0);

        Assert.Equal(1, rubric?.Version); // the default rubric is published and serves scoring ...
        Assert.Equal(Rubric, await catalog.GetServingVersion()); // ... but the rankings still serve what they served
        Assert.NotNull(await catalog.GetLayout(rubric!.VersionKey)); // and know the default's layout for its pushes
        var layout = (await fixture.Reader.ServingLayoutAsync())!;
        var top = await fixture.Reader.TopAsync(layout, new RankingView("2026", null, null), null, 10);
        Assert.Equal([70.0], top.Rows.Select(r => r.Row.Total));
    }

    [Fact]
    public async Task A_fresh_city_ranks_under_the_default_rubric_from_its_first_activation()
    {
        await using var fresh = await LedgerCluster.StartAsync();
        var catalog = fresh.Client.GetGrain<IRankingCatalogGrain>(RankingKeys.Catalog);
        Assert.Null(await catalog.GetServingVersion());

        var rubric = await fresh.Client.GetGrain<IRubricGrain>(CityKeys.City).Get(0);

        Assert.Equal(rubric?.VersionKey, await catalog.GetServingVersion());
    }
}
