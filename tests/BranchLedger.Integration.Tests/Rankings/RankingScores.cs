using BranchLedger.Contracts.Rankings;
using BranchLedger.Domain.Rankings;

namespace BranchLedger.Integration.Tests.Rankings;

/// <summary>Seeded scores for ranking tests, and the brute-force orders they are checked against.</summary>
internal static class RankingScores
{
    public const string Rubric = "test@1";

    private static readonly DateTimeOffset Computed = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);

    public static BranchScore Score(string tenant, string node, string period, double total, long version = 1, double meetings = 5, double? findings = null) => new()
    {
        Tenant = tenant,
        NodeId = node,
        DisplayName = $"{node} 党支部",
        ParentId = "party-group",
        Period = period,
        RubricVersion = Rubric,
        Total = total,
        Grade = Grade(total),
        Indicators =
        [
            new IndicatorScore { IndicatorId = "meetings", Raw = meetings, Points = meetings, MaxPoints = 10 },
            new IndicatorScore { IndicatorId = "findings", Raw = findings ?? 0, Points = findings ?? 0, MaxPoints = 20, Assessable = findings is not null },
        ],
        Version = version,
        ComputedAt = Computed,
    };

    /// <summary>
    /// A city: tenants "tenant-00".. with a random number of branches each. Node ids repeat across
    /// tenants and a quarter of the totals come from four values, so the tie-break decides often.
    /// </summary>
    public static List<BranchScore> City(int tenants, int minBranches, int maxBranches, string period, int seed)
    {
        var random = new Random(seed);
        double[] ties = [60, 75.5, 80, 90];
        var scores = new List<BranchScore>();
        for (var t = 0; t < tenants; t++)
        {
            var count = random.Next(minBranches, maxBranches + 1);
            for (var n = 0; n < count; n++)
            {
                var total = random.Next(4) == 0 ? ties[random.Next(ties.Length)] : Math.Round(random.NextDouble() * 100, 2);
                scores.Add(Score($"tenant-{t:D2}", $"branch-{n:D3}", period, total, 1,
                    meetings: random.Next(0, 11), findings: random.Next(5) == 0 ? null : Math.Round(random.NextDouble() * 20, 2)) with
                {
                    DisplayName = $"第{t}单位 第{n}党支部",
                });
            }
        }

        return scores;
    }

    public static string Grade(double total) => total >= 90 ? "优秀" : total >= 75 ? "良好" : total >= 60 ? "合格" : "不合格";

    /// <summary>The documented order: total (hundredths) descending, tenant id, node id (ordinal).</summary>
    public static List<BranchScore> BruteForce(IEnumerable<BranchScore> scores) =>
        [.. scores.OrderByDescending(s => Hundredths.Of(s.Total)).ThenBy(s => s.Tenant, StringComparer.Ordinal).ThenBy(s => s.NodeId, StringComparer.Ordinal)];

    /// <summary>The same order on one indicator's points, among the branches it is assessable for.</summary>
    public static List<BranchScore> BruteForce(IEnumerable<BranchScore> scores, string indicatorId) =>
        [.. scores
            .Where(s => s.Indicators.Any(i => i.IndicatorId == indicatorId && i.Assessable))
            .OrderByDescending(s => Hundredths.Of(s.Indicators.Single(i => i.IndicatorId == indicatorId).Points))
            .ThenBy(s => s.Tenant, StringComparer.Ordinal).ThenBy(s => s.NodeId, StringComparer.Ordinal)];

    public static string Id(BranchScore score) => $"{score.Tenant}/{score.NodeId}";

    public static string Id(RankingRow row) => $"{row.Tenant}/{row.NodeId}";
}
