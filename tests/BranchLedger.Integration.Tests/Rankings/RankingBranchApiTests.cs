using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using static BranchLedger.Integration.Tests.Rankings.RankingApiAssert;
using static BranchLedger.Integration.Tests.Rankings.RankingScores;

namespace BranchLedger.Integration.Tests.Rankings;

/// <summary>GetBranchRank, CompareBranches and GetBranchTrend over real gRPC.</summary>
[Collection(RankingGatewayCollection.Name)]
public sealed class RankingBranchApiTests(RankingGatewayFixture fixture)
{
    private readonly RankingService.RankingServiceClient _ranking = fixture.Ranking;

    private static Metadata TenantA => TestCredentials.Supervisor("tenant-a");

    private async Task SeedAsync(string period)
    {
        await fixture.PushAsync(SmallCity.Scores(period));
        await Poll.UntilAsync(
            () => _ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = period }, TenantA).ResponseAsync,
            r => r.RankedCount == SmallCity.Order.Length);
    }

    [Fact]
    public async Task A_branch_gets_its_rank_and_percentile_city_wide_and_in_its_tenant()
    {
        await SeedAsync("2023");

        var rank = await _ranking.GetBranchRankAsync(new GetBranchRankRequest { NodeId = "branch-a2", Period = "2023" }, TenantA);

        Assert.Equal(("tenant-a", "branch-a2", "2023", Rubric), (rank.TenantId, rank.NodeId, rank.Period, rank.RubricVersion));
        Assert.Equal((80.0, "良好", "branch-a2 党支部", "party-group"), (rank.Total, rank.Grade, rank.DisplayName, rank.ParentId));
        // City: 95 and 90 ahead; 60.5 and 40 lower (2 of 8). Tenant: 90 ahead; none lower (a3 ties).
        Assert.Equal(new RankingStanding { Rank = 3, RankedCount = 8, Percentile = 25 }, rank.City);
        Assert.Equal(new RankingStanding { Rank = 2, RankedCount = 3, Percentile = 0 }, rank.Tenant);
        Assert.Equal(["meetings", "findings"], rank.Indicators.Select(i => i.IndicatorId));
        Assert.Equal((7.0, 10.0, true), (rank.Indicators[0].Points, rank.Indicators[0].MaxPoints, rank.Indicators[0].Assessable));
    }

    [Fact]
    public async Task An_unranked_branch_or_one_of_another_tenant_is_not_found()
    {
        await SeedAsync("2023-Q1");

        foreach (var node in new[] { "branch-unscored", "branch-b1" })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => _ranking.GetBranchRankAsync(new GetBranchRankRequest { NodeId = node, Period = "2023-Q1" }, TenantA).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, error.StatusCode);
            Assert.Equal(node, error.GetRpcStatus()!.GetDetail<ResourceInfo>().ResourceName);
        }

        await InvalidAsync(() => _ranking.GetBranchRankAsync(new GetBranchRankRequest { NodeId = "Bad/Node" }, TenantA).ResponseAsync, "node_id", "period");
    }

    [Fact]
    public async Task Branches_of_several_tenants_compare_side_by_side_with_an_indicator_table()
    {
        await SeedAsync("2023-Q2");

        var compared = await _ranking.CompareBranchesAsync(new CompareBranchesRequest
        {
            Period = "2023-Q2",
            Branches =
            {
                new RankingBranchRef { NodeId = "branch-a1" },
                new RankingBranchRef { TenantId = "tenant-b", NodeId = "branch-b1" },
                new RankingBranchRef { TenantId = "tenant-c", NodeId = "branch-zz" },
                new RankingBranchRef { TenantId = "tenant-c", NodeId = "branch-a1" },
            },
        }, TenantA);

        Assert.Equal(["tenant-a/branch-a1", "tenant-b/branch-b1", "tenant-c/branch-zz", "tenant-c/branch-a1"], compared.Branches.Select(b => $"{b.TenantId}/{b.NodeId}"));
        Assert.Equal([true, true, false, true], compared.Branches.Select(b => b.Ranked));
        Assert.Equal([2L, 1, 0, 6], compared.Branches.Select(b => b.City?.Rank ?? 0));
        Assert.Equal([90.0, 95, 0, 80], compared.Branches.Select(b => b.Total));
        Assert.Equal(Rubric, compared.RubricVersion);

        Assert.Equal(["meetings", "findings"], compared.Indicators.Select(r => r.IndicatorId));
        var meetings = compared.Indicators[0].Cells;
        Assert.Equal([true, true, false, true], meetings.Select(c => c.Present));
        Assert.Equal([8.0, 10, 0, 9], meetings.Select(c => c.Points));
        var findings = compared.Indicators[1].Cells;
        Assert.Equal([true, true, false, false], findings.Select(c => c.Assessable));
        Assert.Equal([12.0, 15, 0, 0], findings.Select(c => c.Raw));
    }

    [Fact]
    public async Task A_comparison_needs_one_to_ten_distinct_well_formed_branches()
    {
        var eleven = new CompareBranchesRequest { Period = "2023" };
        eleven.Branches.AddRange(Enumerable.Range(0, 11).Select(i => new RankingBranchRef { NodeId = $"branch-{i}" }));
        var wrong = new CompareBranchesRequest
        {
            Period = "2023",
            Branches =
            {
                new RankingBranchRef { NodeId = "branch-a1" },
                new RankingBranchRef { TenantId = "tenant-a", NodeId = "branch-a1" }, // the caller's tenant, named explicitly
                new RankingBranchRef { TenantId = "Tenant B", NodeId = "branch-b1" },
                new RankingBranchRef { TenantId = "tenant-b", NodeId = "" },
            },
        };

        await InvalidAsync(() => _ranking.CompareBranchesAsync(new CompareBranchesRequest { Period = "2023" }, TenantA).ResponseAsync, "branches");
        await InvalidAsync(() => _ranking.CompareBranchesAsync(eleven, TenantA).ResponseAsync, "branches");
        await InvalidAsync(() => _ranking.CompareBranchesAsync(wrong, TenantA).ResponseAsync, "branches[1]", "branches[2].tenant_id", "branches[3].node_id");
    }

    [Fact]
    public async Task A_trend_has_one_point_per_period_and_marks_the_periods_without_a_score()
    {
        await Nodes.EnsureAsync(fixture.Grains, "tenant-a", "branch-trend");
        await fixture.PushAsync(
            Score("tenant-a", "branch-trend", "2021-Q4", 70),
            Score("tenant-a", "branch-other", "2021-Q4", 75),
            Score("tenant-a", "branch-trend", "2022-Q2", 85),
            Score("tenant-b", "branch-other", "2022-Q2", 95));

        var trend = await Poll.UntilAsync(
            () => _ranking.GetBranchTrendAsync(new GetBranchTrendRequest
            {
                NodeId = "branch-trend", PeriodKind = RankingPeriodKind.Quarter, FromPeriod = "2021-Q3", ToPeriod = "2022-Q2",
            }, TenantA).ResponseAsync,
            t => t.Points.Count(p => p.Scored) == 2);

        Assert.Equal(["2021-Q3", "2021-Q4", "2022-Q1", "2022-Q2"], trend.Points.Select(p => p.Period));
        Assert.Equal([false, true, false, true], trend.Points.Select(p => p.Scored));
        Assert.Equal([0.0, 70, 0, 85], trend.Points.Select(p => p.Total));
        Assert.Equal(new RankingStanding { Rank = 2, RankedCount = 2, Percentile = 0 }, trend.Points[1].City);
        Assert.Equal(new RankingStanding { Rank = 2, RankedCount = 2, Percentile = 0 }, trend.Points[3].City);
        Assert.Equal(new RankingStanding { Rank = 1, RankedCount = 1, Percentile = 0 }, trend.Points[3].Tenant);
        Assert.Null(trend.Points[0].City);
        Assert.Equal(("branch-trend", Rubric), (trend.NodeId, trend.RubricVersion));
    }

    [Fact]
    public async Task A_node_the_tenant_does_not_have_is_not_found_for_a_trend_and_an_organisation_score()
    {
        // Scores alone do not make a node: these were pushed, but the directory never had the nodes.
        await fixture.PushAsync(Score("tenant-a", "branch-ghost", "2019", 70) with { ParentId = "org-ghost" });
        await Nodes.EnsureAsync(fixture.Grains, "tenant-a", "branch-real");
        await Nodes.EnsureAsync(fixture.Grains, "tenant-b", "branch-elsewhere");

        foreach (var node in new[] { "branch-ghost", "org-ghost", "branch-elsewhere" })
        {
            await NotFoundAsync(() => _ranking.GetBranchTrendAsync(new GetBranchTrendRequest
            {
                NodeId = node, PeriodKind = RankingPeriodKind.Year, FromPeriod = "2019", ToPeriod = "2020",
            }, TenantA).ResponseAsync);
            await NotFoundAsync(() => _ranking.GetOrganisationScoreAsync(new GetOrganisationScoreRequest { NodeId = node, Period = "2019" }, TenantA).ResponseAsync);
        }

        // A node that exists answers, scored or not.
        var trend = await _ranking.GetBranchTrendAsync(new GetBranchTrendRequest
        {
            NodeId = "branch-real", PeriodKind = RankingPeriodKind.Year, FromPeriod = "2019", ToPeriod = "2020",
        }, TenantA);
        Assert.Equal([false, false], trend.Points.Select(p => p.Scored));
        var organisation = await _ranking.GetOrganisationScoreAsync(new GetOrganisationScoreRequest { NodeId = Nodes.Root, Period = "2019" }, TenantA);
        Assert.Equal(0, organisation.BranchCount);
    }

    private static async Task NotFoundAsync(Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.NotNull(refused.GetRpcStatus()?.GetDetail<ResourceInfo>());
    }

    [Fact]
    public async Task A_trend_needs_a_kind_and_a_range_of_at_most_36_periods_of_that_kind()
    {
        Task Trend(RankingPeriodKind kind, string from, string to, string node = "branch-a1") =>
            _ranking.GetBranchTrendAsync(new GetBranchTrendRequest { NodeId = node, PeriodKind = kind, FromPeriod = from, ToPeriod = to }, TenantA).ResponseAsync;

        await InvalidAsync(() => Trend(RankingPeriodKind.Unspecified, "2026-13", "2026", "x"), "from_period", "node_id", "period_kind");
        await InvalidAsync(() => Trend(RankingPeriodKind.Quarter, "2026-03", "2026-Q2"), "from_period");
        await InvalidAsync(() => Trend(RankingPeriodKind.Year, "2026", "2025"), "to_period");
        await InvalidAsync(() => Trend(RankingPeriodKind.Month, "2023-01", "2026-01"), "to_period");
        await InvalidAsync(() => Trend(RankingPeriodKind.Month, "", ""), "from_period", "to_period");
        await Nodes.EnsureAsync(fixture.Grains, "tenant-a", "branch-a1");
        Assert.Equal(36, (await _ranking.GetBranchTrendAsync(new GetBranchTrendRequest
        {
            NodeId = "branch-a1", PeriodKind = RankingPeriodKind.Month, FromPeriod = "2023-01", ToPeriod = "2025-12",
        }, TenantA)).Points.Count);
    }
}
