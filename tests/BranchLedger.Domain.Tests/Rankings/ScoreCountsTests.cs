using BranchLedger.Domain.Rankings;
using static BranchLedger.Domain.Tests.Rankings.RankingTestData;

namespace BranchLedger.Domain.Tests.Rankings;

public class ScoreCountsTests
{
    private static ScoreCounts Totals(params double[] totals) => ScoreCounts.Of(totals.Select(Hundredths.Of), ScoreCounts.TotalScale);

    [Fact]
    public void Quantiles_interpolate_linearly_between_closest_ranks()
    {
        var counts = Totals(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

        Assert.Equal(1.9, counts.Quantile(0.10));
        Assert.Equal(3.25, counts.Quantile(0.25));
        Assert.Equal(5.5, counts.Quantile(0.50));
        Assert.Equal(7.75, counts.Quantile(0.75));
        Assert.Equal(9.1, counts.Quantile(0.90));
        Assert.Equal(1, counts.Quantile(0));
        Assert.Equal(10, counts.Quantile(1));
    }

    [Fact]
    public void Repeated_scores_count_once_each_and_a_single_score_is_every_quantile()
    {
        Assert.Equal(80, Totals(70, 80, 80, 80, 95).Quantile(0.5));
        Assert.Equal(72, Totals(70, 80, 80, 80, 95).Quantile(0.05));
        Assert.All(ScoreCounts.StandardQuantiles, p => Assert.Equal(42.42, Totals(42.42).Quantile(p)));
        Assert.Null(Totals().Quantile(0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Totals(1).Quantile(1.5));
    }

    [Fact]
    public void The_histogram_has_ten_bins_of_ten_points_and_the_last_holds_one_hundred()
    {
        var bins = Totals(0, 9.99, 10, 55, 89.99, 90, 99.99, 100).Histogram();

        Assert.Equal(10, bins.Count);
        Assert.Equal([2, 1, 0, 0, 0, 1, 0, 0, 1, 3], bins.Select(b => b.Count));
        Assert.Equal((90, 100, true), (bins[9].Lower, bins[9].Upper, bins[9].UpperInclusive));
        Assert.Equal((10, 20, false), (bins[1].Lower, bins[1].Upper, bins[1].UpperInclusive));
    }

    [Fact]
    public void An_indicator_histogram_spans_its_largest_maximum()
    {
        var index = new RankingIndex();
        index.Upsert(Entry("t1", "a1", 50, 1, Indicator("findings", 20, max: 20)));
        index.Upsert(Entry("t1", "b1", 50, 1, Indicator("findings", 3, max: 20)));
        index.Upsert(Entry("t1", "c1", 50, 1, Indicator("findings", 2, max: 10, assessable: false)));

        var counts = index.Distribution("findings");
        var bins = counts.Histogram();

        Assert.Equal(2, counts.Count);
        Assert.Equal(2000, counts.Scale);
        Assert.Equal((2, 4), (bins[1].Lower, bins[1].Upper));
        Assert.Equal(1, bins[1].Count);
        Assert.Equal(1, bins[9].Count);
        Assert.Equal(11.5, counts.Quantile(0.5));
    }

    [Fact]
    public void Merged_shard_counts_equal_the_counts_of_all_scores()
    {
        var entries = Random(2_000, 20, seed: 12);
        var shards = Enumerable.Range(0, 8).Select(_ => new RankingIndex()).ToList();
        var whole = new RankingIndex();
        foreach (var entry in entries)
        {
            shards[ShardRouting.ShardOf(entry.Tenant, entry.NodeId, 8)].Upsert(entry);
            whole.Upsert(entry);
        }

        var merged = ScoreCounts.Merge(shards.Select(s => s.Distribution(null)));
        var expected = whole.Distribution(null);

        Assert.Equal(expected.Values, merged.Values);
        Assert.Equal(expected.Counts, merged.Counts);
        Assert.Equal(2_000, merged.Count);
        var sorted = entries.Select(e => Hundredths.Of(e.Total)).Order().ToList();
        Assert.Equal(Math.Round(((sorted[999] + sorted[1000]) / 2.0) / 100, 2, MidpointRounding.AwayFromZero), merged.Quantile(0.5));
        Assert.Equal(expected.Histogram(), merged.Histogram());
    }

    [Fact]
    public void Values_must_be_distinct_and_ascending()
    {
        Assert.Throws<ArgumentException>(() => new ScoreCounts([5, 5], [1, 1], 100));
        Assert.Throws<ArgumentException>(() => new ScoreCounts([5], [1, 1], 100));
    }
}
