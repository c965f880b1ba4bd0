using BranchLedger.Domain.Rankings;
using static BranchLedger.Domain.Tests.Rankings.RankingTestData;

namespace BranchLedger.Domain.Tests.Rankings;

public class RankingIndexTests
{
    private static List<string> Nodes(IEnumerable<Ranked> ranked) => [.. ranked.Select(r => $"{r.Entry.Tenant}/{r.Entry.NodeId}")];

    [Fact]
    public void Equal_totals_are_ordered_by_tenant_then_node_ordinal()
    {
        var index = new RankingIndex();
        index.Upsert(Entry("tenant-b", "branch-a", 80));
        index.Upsert(Entry("tenant-a", "branch-z", 80));
        index.Upsert(Entry("tenant-a", "branch-B", 80)); // upper case sorts before lower case in ordinal order
        index.Upsert(Entry("tenant-c", "branch-a", 80.001)); // rounds to 80.00: a tie, not a lead
        index.Upsert(Entry("tenant-z", "branch-z", 91.5));

        Assert.Equal(["tenant-z/branch-z", "tenant-a/branch-B", "tenant-a/branch-z", "tenant-b/branch-a", "tenant-c/branch-a"], Nodes(index.ByTotal));
        Assert.Equal(1, index.Rank(new RankingKey("tenant-z", "branch-z")));
        Assert.Equal(4, index.Rank(new RankingKey("tenant-b", "branch-a")));
        Assert.Null(index.Rank(new RankingKey("tenant-b", "branch-x")));
    }

    [Fact]
    public void A_newer_version_moves_the_branch_and_an_older_or_equal_one_is_ignored()
    {
        var index = new RankingIndex();
        index.Upsert(Entry("t1", "a1", 50, version: 1));
        index.Upsert(Entry("t1", "b1", 60, version: 1));

        Assert.Equal(UpsertOutcome.Replaced, index.Upsert(Entry("t1", "a1", 70, version: 2)));
        Assert.Equal(UpsertOutcome.Stale, index.Upsert(Entry("t1", "a1", 10, version: 2)));
        Assert.Equal(UpsertOutcome.Stale, index.Upsert(Entry("t1", "a1", 99, version: 1)));
        Assert.Equal(UpsertOutcome.Added, index.Upsert(Entry("t1", "c1", 65, version: 7)));

        Assert.Equal(["t1/a1", "t1/c1", "t1/b1"], Nodes(index.ByTotal));
        Assert.Equal(70, index.Find(new RankingKey("t1", "a1"))!.Total);
        Assert.Equal(3, index.Count);
    }

    [Fact]
    public void A_withdrawn_branch_leaves_and_stays_out_until_a_newer_version_arrives()
    {
        var index = new RankingIndex();
        index.Upsert(Entry("t1", "a1", 50, version: 3));
        index.Upsert(Entry("t1", "b1", 40, version: 1));

        Assert.True(index.Withdraw(new RankingKey("t1", "a1"), 3));
        Assert.Equal(UpsertOutcome.Stale, index.Upsert(Entry("t1", "a1", 55, version: 3)));
        Assert.Equal(["t1/b1"], Nodes(index.ByTotal));
        Assert.False(index.Withdraw(new RankingKey("t1", "a1"), 2));

        // A withdrawal older than the held score does not remove it.
        Assert.False(index.Withdraw(new RankingKey("t1", "b1"), 0));
        Assert.Equal(UpsertOutcome.Added, index.Upsert(Entry("t1", "a1", 55, version: 4)));
        Assert.Empty(index.Withdrawn);
    }

    [Fact]
    public void Percentile_is_the_share_of_branches_with_a_strictly_lower_total()
    {
        var index = new RankingIndex();
        foreach (var (node, total) in new[] { ("a1", 90.0), ("b1", 80.0), ("c1", 80.0), ("d1", 70.0), ("e1", 60.0) })
        {
            index.Upsert(Entry("t1", node, total));
        }

        Assert.Equal(80, index.Percentile(new RankingKey("t1", "a1")));
        Assert.Equal(40, index.Percentile(new RankingKey("t1", "b1")));
        Assert.Equal(40, index.Percentile(new RankingKey("t1", "c1"))); // ties share a percentile ...
        Assert.Equal(3, index.Rank(new RankingKey("t1", "c1")));         // ... but not a rank
        Assert.Equal(0, index.Percentile(new RankingKey("t1", "e1")));
        Assert.Equal(new Standing(1, 2, 5), index.StandingOf(new RankingKey("t1", "b1")));
    }

    [Fact]
    public void Top_pages_by_offset_and_by_cursor_give_the_same_order()
    {
        var index = new RankingIndex();
        var entries = Random(500, 7, seed: 11);
        entries.ForEach(e => index.Upsert(e));
        var expected = BruteForce(entries);

        Assert.Equal(expected.Skip(40).Take(25), RankedList.Top(index.ByTotal, 40, 25).Select(r => r.Entry));
        Assert.Empty(RankedList.Top(index.ByTotal, 500, 10));

        var paged = new List<RankingEntry>();
        RankPosition? cursor = null;
        while (true)
        {
            var (items, skipped) = RankedList.Page(index.ByTotal, cursor, 37);
            Assert.Equal(paged.Count, skipped);
            if (items.Count == 0)
            {
                break;
            }

            paged.AddRange(items.Select(i => i.Entry));
            cursor = items[^1].Position;
        }

        Assert.Equal(expected, paged);
    }

    [Fact]
    public void A_page_can_filter_by_name_or_node_id_ignoring_case()
    {
        var index = new RankingIndex();
        index.Upsert(Entry("t1", "office-branch", 90) with { DisplayName = "机关第一党支部" });
        index.Upsert(Entry("t1", "school-branch", 80) with { DisplayName = "Number One School" });
        index.Upsert(Entry("t2", "clinic", 85) with { DisplayName = "社区卫生所" });

        var (byName, _) = RankedList.Page(index.ByTotal, null, 10, e => e.NameContains("第一"));
        var (byId, _) = RankedList.Page(index.ByTotal, null, 10, e => e.NameContains("BRANCH"));
        var (latin, _) = RankedList.Page(index.ByTotal, null, 10, e => e.NameContains("one school"));

        Assert.Equal(["t1/office-branch"], Nodes(byName));
        Assert.Equal(["t1/office-branch", "t1/school-branch"], Nodes(byId));
        Assert.Equal(["t1/school-branch"], Nodes(latin));
    }

    [Fact]
    public void Ranking_by_indicator_orders_on_points_and_leaves_out_branches_it_does_not_apply_to()
    {
        var index = new RankingIndex();
        index.Upsert(Entry("t1", "a1", 95, 1, Indicator("meetings", 6), Indicator("findings", 10)));
        index.Upsert(Entry("t1", "b1", 60, 1, Indicator("meetings", 9)));
        index.Upsert(Entry("t0", "c1", 70, 1, Indicator("meetings", 6), Indicator("findings", 0, assessable: false)));
        index.Upsert(Entry("t1", "d1", 80, 1));

        Assert.Equal(["t1/b1", "t0/c1", "t1/a1"], Nodes(index.ByIndicator("meetings")));
        Assert.Equal(["t1/a1"], Nodes(index.ByIndicator("findings")));
        Assert.Empty(index.ByIndicator("unknown"));

        // A change reorders the cached view too.
        index.Upsert(Entry("t1", "a1", 95, 2, Indicator("meetings", 10)));
        Assert.Equal(["t1/a1", "t1/b1", "t0/c1"], Nodes(index.View("meetings")));
        Assert.Same(index.ByTotal, index.View(null));
    }

    [Fact]
    public void Ranks_and_standings_equal_a_brute_force_sort_at_a_hundred_thousand_branches()
    {
        var entries = Random(100_000, 40, seed: 5);
        var index = new RankingIndex();
        Assert.Equal(new UpsertTally(100_000, 0, 0), index.UpsertMany(entries));

        // Rescore a tenth in one batch (with stale versions mixed in), and a few one by one.
        var random = new Random(6);
        var batch = new List<RankingEntry>();
        for (var i = 0; i < entries.Count; i += 10)
        {
            var changed = entries[i] with { Total = Math.Round(random.NextDouble() * 100, 2), Version = 2 };
            batch.Add(changed);
            batch.Add(entries[i] with { Total = 100, Version = 1 });
            entries[i] = changed;
        }

        Assert.Equal(new UpsertTally(0, 10_000, 10_000), index.UpsertMany(batch));
        for (var i = 5; i < 500; i += 10)
        {
            entries[i] = entries[i] with { Total = Math.Round(random.NextDouble() * 100, 2), Version = 3 };
            Assert.Equal(UpsertOutcome.Replaced, index.Upsert(entries[i]));
        }

        var expected = BruteForce(entries);
        Assert.Equal(expected.Count, index.Count);
        Assert.Equal(expected.Select(e => e.Key), index.ByTotal.Select(r => r.Entry.Key));
        foreach (var at in new[] { 0, 1, 999, 50_000, 99_999 })
        {
            var entry = expected[at];
            var lower = expected.Count(e => Math.Round(e.Total, 2) < Math.Round(entry.Total, 2));
            Assert.Equal(at + 1, index.Rank(entry.Key));
            Assert.Equal(Math.Round(100.0 * lower / expected.Count, 2), index.Percentile(entry.Key));
        }
    }

    [Fact]
    public void A_batch_applies_the_same_rules_as_single_pushes()
    {
        var entries = Random(300, 5, seed: 21);
        var single = new RankingIndex();
        var batched = new RankingIndex();
        single.Upsert(entries[0] with { Version = 9 });
        batched.Upsert(entries[0] with { Version = 9 });
        single.Withdraw(entries[1].Key, 5);
        batched.Withdraw(entries[1].Key, 5);
        var pushes = entries.Concat(entries.Take(50).Select(e => e with { Total = 1, Version = 2 })).ToList();

        var tally = batched.UpsertMany(pushes);
        pushes.ForEach(e => single.Upsert(e));

        Assert.Equal(new UpsertTally(298, 0, 52), tally); // in one batch the older push of a branch never lands
        Assert.Equal(single.ByTotal, batched.ByTotal);
        Assert.Equal(single.Withdrawn, batched.Withdrawn);
        Assert.Equal(new UpsertTally(0, 0, 0), batched.UpsertMany([]));
    }

    [Fact]
    public void Tenant_stats_sum_up_each_tenants_totals()
    {
        var index = new RankingIndex();
        index.Upsert(Entry("t1", "a1", 90));
        index.Upsert(Entry("t1", "b1", 70));
        index.Upsert(Entry("t2", "a1", 50.5));

        var stats = index.TenantStats();

        Assert.Equal([new TenantStats("t1", 2, 16_000, 130_000_000, 7_000, 9_000), new TenantStats("t2", 1, 5_050, 25_502_500, 5_050, 5_050)], stats);
        Assert.Equal(80, stats[0].Mean);
        Assert.Equal(10, stats[0].StdDev);
    }

    [Fact]
    public void Clear_forgets_scores_and_withdrawals()
    {
        var index = new RankingIndex();
        index.Upsert(Entry("t1", "a1", 90, version: 5));
        index.Withdraw(new RankingKey("t1", "b1"), long.MaxValue);

        index.Clear();

        Assert.Equal(0, index.Count);
        Assert.Empty(index.Withdrawn);
        Assert.Equal(UpsertOutcome.Added, index.Upsert(Entry("t1", "b1", 10, version: 1)));
    }
}
