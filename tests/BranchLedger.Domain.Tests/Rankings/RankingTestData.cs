using BranchLedger.Domain.Rankings;

namespace BranchLedger.Domain.Tests.Rankings;

/// <summary>Entries for ranking tests, and the brute-force order they are checked against.</summary>
internal static class RankingTestData
{
    public static readonly DateTimeOffset Computed = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static RankingEntry Entry(string tenant, string node, double total, long version = 1, params IndicatorValue[] indicators) =>
        new(tenant, node, $"{node} 支部", "party-group", total, total >= 90 ? "优秀" : "良好", indicators, version, Computed);

    public static IndicatorValue Indicator(string id, double points, double max = 10, bool assessable = true) =>
        new(id, points, points, max, assessable);

    /// <summary>Seeded random entries across tenants, with many tied totals.</summary>
    public static List<RankingEntry> Random(int count, int tenants, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => Entry(
            $"tenant-{random.Next(tenants):D2}",
            $"branch-{i:D6}",
            random.Next(0, 4) == 0 ? 80 : Math.Round(random.NextDouble() * 100, 2),
            1,
            Indicator("meetings", random.Next(0, 11)),
            Indicator("findings", Math.Round(random.NextDouble() * 20, 2), 20, assessable: random.Next(0, 5) != 0)))];
    }

    /// <summary>The documented order, by sorting everything: total desc, tenant asc, node asc (ordinal).</summary>
    public static List<RankingEntry> BruteForce(IEnumerable<RankingEntry> entries) =>
        [.. entries.OrderByDescending(e => Math.Round(e.Total, 2))
            .ThenBy(e => e.Tenant, StringComparer.Ordinal)
            .ThenBy(e => e.NodeId, StringComparer.Ordinal)];
}
