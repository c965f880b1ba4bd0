using BranchLedger.Domain.Rankings;

namespace BranchLedger.Domain.Tests.Rankings;

public class TenantStatsTests
{
    private static TenantStats Of(string tenant, params double[] totals) =>
        totals.Select(t => TenantStats.Of(tenant, Hundredths.Of(t))).Aggregate((a, b) => a.Add(b));

    [Fact]
    public void Mean_min_max_and_population_standard_deviation()
    {
        var stats = Of("t1", 2, 4, 4, 4, 5, 5, 7, 9);

        Assert.Equal(8, stats.Count);
        Assert.Equal(5, stats.Mean);
        Assert.Equal(2, stats.StdDev);
        Assert.Equal((2, 9), (stats.MinTotal, stats.MaxTotal));
        Assert.Equal(0, Of("t1", 77.7).StdDev);
    }

    [Fact]
    public void Merged_shard_stats_equal_the_stats_of_all_totals()
    {
        var merged = TenantStats.Merge([Of("t1", 2, 4), Of("t2", 50), Of("t1", 4, 4, 5), Of("t1", 5, 7, 9)]);

        Assert.Equal(Of("t1", 2, 4, 4, 4, 5, 5, 7, 9), merged.Single(s => s.Tenant == "t1"));
        Assert.Throws<ArgumentException>(() => Of("t1", 1).Add(Of("t2", 1)));
    }

    [Fact]
    public void The_leaderboard_orders_by_exact_mean_then_branch_count_then_tenant_id()
    {
        var stats = new List<TenantStats>
        {
            Of("tenant-c", 80),
            Of("tenant-a", 70, 90),          // mean 80, two branches
            Of("tenant-b", 80),              // ties with tenant-c on mean and count
            Of("tenant-d", 33.33, 33.34, 33.33), // 33.333...
            Of("tenant-e", 33.33),
        };

        stats.Sort(TenantStats.CompareForLeaderboard);

        Assert.Equal(["tenant-a", "tenant-b", "tenant-c", "tenant-d", "tenant-e"], stats.Select(s => s.Tenant));
    }
}
