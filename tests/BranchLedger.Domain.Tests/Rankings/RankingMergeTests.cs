using BranchLedger.Domain.Rankings;
using static BranchLedger.Domain.Tests.Rankings.RankingTestData;

namespace BranchLedger.Domain.Tests.Rankings;

public class RankingMergeTests
{
    private static List<RankingIndex> Shards(IEnumerable<RankingEntry> entries, int count)
    {
        var shards = Enumerable.Range(0, count).Select(_ => new RankingIndex()).ToList();
        foreach (var entry in entries)
        {
            shards[ShardRouting.ShardOf(entry.Tenant, entry.NodeId, count)].Upsert(entry);
        }

        return shards;
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(0, 1)]
    [InlineData(95, 50)]
    [InlineData(1990, 100)]
    public void Merging_the_shards_tops_equals_sorting_everything(int skip, int take)
    {
        var entries = Random(2_000, 25, seed: 3);
        var shards = Shards(entries, 8);

        var tops = shards.Select(s => RankedList.Top(s.ByTotal, 0, skip + take)).ToList();
        var merged = RankingMerge.Merge(tops, r => r.Position, skip, take);

        Assert.Equal(BruteForce(entries).Skip(skip).Take(take), merged.Select(r => r.Entry));
    }

    [Fact]
    public void Paging_every_shard_after_a_cursor_walks_the_whole_ranking_once_with_exact_ranks()
    {
        var entries = Random(1_500, 21, seed: 4);
        var shards = Shards(entries, 5);
        var expected = BruteForce(entries);

        var seen = new List<(int Rank, RankingEntry Entry)>();
        RankPosition? cursor = null;
        while (true)
        {
            var pages = shards.Select(s => RankedList.Page(s.ByTotal, cursor, 64)).ToList();
            var rankBase = pages.Sum(p => p.Skipped);
            var page = RankingMerge.Merge(pages.Select(p => p.Items).ToList(), r => r.Position, 0, 64);
            if (page.Count == 0)
            {
                break;
            }

            seen.AddRange(page.Select((r, i) => (rankBase + i + 1, r.Entry)));
            cursor = page[^1].Position;
        }

        Assert.Equal(expected, seen.Select(s => s.Entry));
        Assert.Equal(Enumerable.Range(1, expected.Count), seen.Select(s => s.Rank));
    }

    [Fact]
    public void Standings_summed_over_shards_equal_the_standing_in_one_index()
    {
        var entries = Random(3_000, 30, seed: 8);
        var shards = Shards(entries, 8);
        var whole = new RankingIndex();
        entries.ForEach(e => whole.Upsert(e));

        foreach (var entry in entries.Take(50))
        {
            var summed = Standing.Sum(shards.Select(s => Standing.In(s.ByTotal, entry.TotalPosition)));
            Assert.Equal(whole.StandingOf(entry.Key), summed);
        }

        var indicator = entries.First(e => e.Indicator("findings")!.Value.Assessable);
        var position = indicator.IndicatorPosition("findings")!.Value;
        Assert.Equal(
            Standing.In(whole.ByIndicator("findings"), position),
            Standing.Sum(shards.Select(s => Standing.In(s.ByIndicator("findings"), position))));
    }

    [Fact]
    public void Merging_indicator_rankings_equals_sorting_every_assessable_score_by_points()
    {
        var entries = Random(1_200, 20, seed: 9);
        var shards = Shards(entries, 8);
        var expected = entries
            .Where(e => e.Indicator("findings")!.Value.Assessable)
            .OrderByDescending(e => Hundredths.Of(e.Indicator("findings")!.Value.Points))
            .ThenBy(e => e.Tenant, StringComparer.Ordinal).ThenBy(e => e.NodeId, StringComparer.Ordinal)
            .Take(100);

        var merged = RankingMerge.Merge(shards.Select(s => RankedList.Top(s.ByIndicator("findings"), 0, 100)).ToList(), r => r.Position, 0, 100);

        Assert.Equal(expected, merged.Select(r => r.Entry));
    }
}
