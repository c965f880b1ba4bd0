using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Rankings;

namespace BranchLedger.Domain.Tests.Rankings;

public class ShardRoutingTests
{
    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    public void The_hash_is_32_bit_FNV_1a_so_every_process_routes_alike(string text, uint expected) =>
        Assert.Equal(expected, ShardRouting.Fnv1a(text));

    [Fact]
    public void Branches_spread_evenly_over_the_shards()
    {
        var perShard = new int[8];
        for (var t = 0; t < 20; t++)
        {
            for (var n = 0; n < 500; n++)
            {
                perShard[ShardRouting.ShardOf($"tenant-{t}", $"branch-{n}", 8)]++;
            }
        }

        Assert.All(perShard, count => Assert.InRange(count, 1_000, 1_500));
        Assert.Equal(0, ShardRouting.ShardOf("tenant-a", "branch-a", 1));
    }

    [Fact]
    public void A_trend_runs_over_consecutive_periods_of_one_kind()
    {
        Assert.Equal(["2025-11", "2025-12", "2026-01", "2026-02"], PeriodSeries.Between(Period.Parse("2025-11"), Period.Parse("2026-02")).Select(p => p.ToString()));
        Assert.Equal(["2025-Q4", "2026-Q1"], PeriodSeries.Between(Period.Parse("2025-Q4"), Period.Parse("2026-Q1")).Select(p => p.ToString()));
        Assert.Equal(["2026"], PeriodSeries.Between(Period.Parse("2026"), Period.Parse("2026")).Select(p => p.ToString()));
        Assert.Equal(4, PeriodSeries.CountBetween(Period.Parse("2025-11"), Period.Parse("2026-02")));
        Assert.Equal(37, PeriodSeries.CountBetween(Period.Parse("2023-01"), Period.Parse("2026-01")));
        Assert.Throws<ArgumentException>(() => PeriodSeries.Between(Period.Parse("2026"), Period.Parse("2026-Q1")));
        Assert.Throws<ArgumentException>(() => PeriodSeries.Between(Period.Parse("2026-Q2"), Period.Parse("2026-Q1")));
    }
}
