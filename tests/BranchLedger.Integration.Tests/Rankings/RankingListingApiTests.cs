using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Core;
using static BranchLedger.Integration.Tests.Rankings.RankingApiAssert;

namespace BranchLedger.Integration.Tests.Rankings;

/// <summary>ListTopBranches, GetDistribution and ListTenantLeaderboard over real gRPC.</summary>
[Collection(RankingGatewayCollection.Name)]
public sealed class RankingListingApiTests(RankingGatewayFixture fixture)
{
    private readonly RankingService.RankingServiceClient _ranking = fixture.Ranking;

    private static Metadata TenantA => TestCredentials.Supervisor("tenant-a");

    private static string Id(RankedBranch b) => $"{b.TenantId}/{b.NodeId}";

    private async Task<ListTopBranchesResponse> SeededTopAsync(string period, int pageSize)
    {
        await fixture.PushAsync(SmallCity.Scores(period));
        return await Poll.UntilAsync(
            () => _ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = period, PageSize = pageSize }, TenantA).ResponseAsync,
            r => r.RankedCount == SmallCity.Order.Length);
    }

    [Fact]
    public async Task The_city_top_pages_through_every_branch_in_the_documented_order()
    {
        var first = await SeededTopAsync("2024", 3);
        var second = await _ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = "2024", PageSize = 3, PageToken = first.NextPageToken }, TenantA);
        var third = await _ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = "2024", PageSize = 3, PageToken = second.NextPageToken }, TenantA);

        var all = first.Branches.Concat(second.Branches).Concat(third.Branches).ToList();
        Assert.Equal(SmallCity.Order, all.Select(Id));
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), all.Select(b => b.Rank));
        Assert.NotEmpty(second.NextPageToken);
        Assert.Empty(third.NextPageToken);
        Assert.Equal((8, RankingScores.Rubric), (first.RankedCount, first.RubricVersion));

        var top = all[0];
        Assert.Equal(("branch-b1 党支部", "party-group", 95.0, "优秀"), (top.DisplayName, top.ParentId, top.Total, top.Grade));
        Assert.Null(top.Indicator);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 2, 0, 0, TimeSpan.Zero), top.ComputedAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task The_tenant_scope_ranks_the_callers_branches_only()
    {
        await SeededTopAsync("2024-Q1", 50);

        var own = await _ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = "2024-Q1", Scope = RankingScope.Tenant }, TenantA);

        Assert.Equal(["tenant-a/branch-a1", "tenant-a/branch-a2", "tenant-a/branch-a3"], own.Branches.Select(Id));
        Assert.Equal([1L, 2, 3], own.Branches.Select(b => b.Rank));
        Assert.Equal(3, own.RankedCount);
    }

    [Fact]
    public async Task Ranking_by_indicator_orders_on_points_among_the_branches_it_applies_to()
    {
        await SeededTopAsync("2024-Q2", 50);

        var findings = await _ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = "2024-Q2", IndicatorId = "findings", PageSize = 2 }, TenantA);
        var rest = await _ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = "2024-Q2", IndicatorId = "findings", PageSize = 10, PageToken = findings.NextPageToken }, TenantA);

        // 20 · 15 (tenant-a before tenant-b) · 15 · 12 · 5 · 0; c/a1 and b/b2 have no assessable findings.
        Assert.Equal(
            ["tenant-b/branch-b3", "tenant-a/branch-a2", "tenant-b/branch-b1", "tenant-a/branch-a1", "tenant-a/branch-a3", "tenant-c/branch-c2"],
            findings.Branches.Concat(rest.Branches).Select(Id));
        Assert.Equal([3L, 4, 5, 6], rest.Branches.Select(b => b.Rank));
        Assert.Equal(6, findings.RankedCount);
        Assert.Equal(("findings", 20.0, 20.0, true), (findings.Branches[0].Indicator.IndicatorId, findings.Branches[0].Indicator.Points, findings.Branches[0].Indicator.MaxPoints, findings.Branches[0].Indicator.Assessable));
    }

    [Fact]
    public async Task A_name_search_keeps_the_ranks_of_the_whole_ranking()
    {
        await SeededTopAsync("2024-Q3", 50);

        var found = await _ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = "2024-Q3", NameContains = " A1 " }, TenantA);

        Assert.Equal([("tenant-a/branch-a1", 2L), ("tenant-c/branch-a1", 6L)], found.Branches.Select(b => (Id(b), b.Rank)));
        Assert.Equal(8, found.RankedCount);
    }

    [Fact]
    public async Task A_period_without_scores_is_an_empty_ranking()
    {
        await SeededTopAsync("2024-Q4", 50);

        var none = await _ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = "2019" }, TenantA);

        Assert.Empty(none.Branches);
        Assert.Equal(0, none.RankedCount);
        Assert.Empty(none.NextPageToken);
    }

    [Fact]
    public async Task A_page_token_works_only_for_its_own_listing()
    {
        var first = await SeededTopAsync("2024-05", 2);

        await InvalidAsync(() => _ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = "2024-05", PageSize = 2, Scope = RankingScope.Tenant, PageToken = first.NextPageToken }, TenantA).ResponseAsync, "page_token");
        await InvalidAsync(() => _ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = "2024-06", PageSize = 2, PageToken = first.NextPageToken }, TenantA).ResponseAsync, "page_token");
        await InvalidAsync(() => _ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = "2024-05", PageToken = "not-a-token" }, TenantA).ResponseAsync, "page_token");
    }

    [Fact]
    public async Task Every_wrong_field_of_a_listing_is_reported()
    {
        await InvalidAsync(
            () => _ranking.ListTopBranchesAsync(new ListTopBranchesRequest
            {
                Period = "2026-13", Scope = (RankingScope)9, IndicatorId = "bad id!", NameContains = "nul\0", PageSize = -1, PageToken = "%%%",
            }, TenantA).ResponseAsync,
            "indicator_id", "name_contains", "page_size", "page_token", "period", "scope");
        await InvalidAsync(() => _ranking.ListTopBranchesAsync(new ListTopBranchesRequest(), TenantA).ResponseAsync, "period");
    }

    [Fact]
    public async Task A_caller_without_a_tenant_is_unauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = "2024" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task The_distribution_has_interpolated_quantiles_and_ten_bins()
    {
        await SeededTopAsync("2024-07", 50);

        var city = await _ranking.GetDistributionAsync(new GetDistributionRequest { Period = "2024-07" }, TenantA);
        var tenant = await _ranking.GetDistributionAsync(new GetDistributionRequest { Period = "2024-07", Scope = RankingScope.Tenant }, TenantA);
        var findings = await _ranking.GetDistributionAsync(new GetDistributionRequest { Period = "2024-07", IndicatorId = "findings" }, TenantA);
        var none = await _ranking.GetDistributionAsync(new GetDistributionRequest { Period = "2019-01" }, TenantA);

        // Sorted: 40, 60.5, 80, 80, 80, 80, 90, 95 (R-7: h = 7p).
        Assert.Equal(8, city.Count);
        Assert.Equal([0.1, 0.25, 0.5, 0.75, 0.9], city.Quantiles.Select(q => q.P));
        Assert.Equal([54.35, 75.13, 80, 82.5, 91.5], city.Quantiles.Select(q => q.Value));
        Assert.Equal([0L, 0, 0, 0, 1, 0, 1, 0, 4, 2], city.Histogram.Select(b => b.Count));
        Assert.Equal((90.0, 100.0, true), (city.Histogram[9].Lower, city.Histogram[9].Upper, city.Histogram[9].UpperInclusive));
        Assert.False(city.Histogram[8].UpperInclusive);

        Assert.Equal(3, tenant.Count);
        Assert.Equal(80, tenant.Quantiles.Single(q => q.P == 0.5).Value);

        // Findings: 0, 5, 12, 15, 15, 20 on a scale of 20 points (bins of 2).
        Assert.Equal(6, findings.Count);
        Assert.Equal(13.5, findings.Quantiles.Single(q => q.P == 0.5).Value);
        Assert.Equal((18.0, 20.0), (findings.Histogram[9].Lower, findings.Histogram[9].Upper));
        Assert.Equal([1L, 0, 1, 0, 0, 0, 1, 2, 0, 1], findings.Histogram.Select(b => b.Count));

        Assert.Equal(0, none.Count);
        Assert.Empty(none.Quantiles);
        Assert.Empty(none.Histogram);
        await InvalidAsync(() => _ranking.GetDistributionAsync(new GetDistributionRequest { Period = "26", IndicatorId = "a b", Scope = (RankingScope)3 }, TenantA).ResponseAsync,
            "indicator_id", "period", "scope");
    }

    [Fact]
    public async Task The_tenant_leaderboard_ranks_tenants_by_their_mean_total_with_its_spread()
    {
        await SeededTopAsync("2024-08", 50);

        var first = await _ranking.ListTenantLeaderboardAsync(new ListTenantLeaderboardRequest { Period = "2024-08", PageSize = 2 }, TenantA);
        var second = await _ranking.ListTenantLeaderboardAsync(new ListTenantLeaderboardRequest { Period = "2024-08", PageSize = 2, PageToken = first.NextPageToken }, TenantA);

        var board = first.Tenants.Concat(second.Tenants).ToList();
        Assert.Equal(["tenant-a", "tenant-b", "tenant-c"], board.Select(t => t.TenantId));
        Assert.Equal([1L, 2, 3], board.Select(t => t.Rank));
        Assert.Equal((3L, 83.33, 80.0, 90.0, 4.71), (board[0].BranchCount, board[0].MeanTotal, board[0].MinTotal, board[0].MaxTotal, board[0].StddevTotal));
        Assert.Equal((78.5, 60.5, 95.0), (board[1].MeanTotal, board[1].MinTotal, board[1].MaxTotal));
        Assert.Equal((2L, 60.0, 20.0), (board[2].BranchCount, board[2].MeanTotal, board[2].StddevTotal));
        Assert.Equal(3, first.TenantCount);
        Assert.Empty(second.NextPageToken);
        await InvalidAsync(() => _ranking.ListTenantLeaderboardAsync(new ListTenantLeaderboardRequest { Period = "2024-8", PageToken = "x" }, TenantA).ResponseAsync, "page_token", "period");
    }
}
