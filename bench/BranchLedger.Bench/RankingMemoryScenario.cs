using System.Diagnostics;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Domain.Scoring;

namespace BranchLedger.Bench;

/// <summary>
/// <c>--ranking-memory</c>: what one ranking entry costs in memory, in process: several rankings (the
/// periods a branch is scored in) each hold every branch of a city, as a silo's shards and a gateway's
/// replicas do, each ranking receiving its own deserialised copies of the scores. Scores have the
/// default rubric's indicators with values like a year's (points with two decimals, counts, rates).
/// Also the reads on them: a top-50 page by total and a page by one indicator (sorted afresh).
/// </summary>
internal static class RankingMemoryScenario
{
    private const int Branches = 10_000;
    private const int Rankings = 6;

    public static int Run(Action<string> progress)
    {
        var indicators = DefaultRubric.Load().Indicators.Select(i => (i.Id, Max: (double)i.Weight, Branch: i.AppliesTo != IndicatorScope.Organisation)).ToList();
        var views = new List<ShardView>();
        Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var r = 0; r < Rankings; r++)
        {
            progress($"ranking-memory: ranking {r + 1} of {Rankings}, {Branches} branches");
            var view = new ShardView($"2026-{r + 1:D2}", "default@1");
            var random = new Random(r);
            for (var start = 0; start < Branches; start += 1_000)
            {
                view.Apply(new RankingBatch([.. Enumerable.Range(start, 1_000).Select(i => Score(i, random, indicators, view))], []));
            }

            views.Add(view);
        }

        Collect();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perEntry = (after - before) / (double)(Branches * Rankings);

        var byTotal = Median(2_000, () => views[0].Page(new ShardPageQuery { Count = 50 }));
        var version = 1L;
        var byIndicator = Median(20, () =>
        {
            // A change drops the cached indicator views, so every call sorts afresh.
            views[1].Apply(new RankingBatch([Score(Branches + 1, new Random(1), indicators, views[1]) with { Version = ++version }], []));
            return views[1].Page(new ShardPageQuery { Count = 50, IndicatorId = indicators.First(i => i.Branch).Id });
        });

        Console.WriteLine($"### Ranking entries in memory — {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z, code {MachineFacts.CodeVersion(LocalPostgres.RepoRoot.Path)}");
        Console.WriteLine();
        Console.WriteLine($"{Rankings} rankings × {Branches:N0} branches, {indicators.Count} indicators per score (default rubric); managed heap after full collections.");
        Console.WriteLine();
        Console.WriteLine("| bytes per ranking entry | top-50 page by total, median µs | top-50 by one indicator, sorted afresh, median ms |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| {perEntry:N0} | {byTotal.TotalMicroseconds:N1} | {byIndicator.TotalMilliseconds:N2} |");
        GC.KeepAlive(views);
        return 0;
    }

    // Fresh strings per score, as a deserialised push brings them.
    private static BranchScore Score(int i, Random random, List<(string Id, double Max, bool Branch)> indicators, ShardView view) => new()
    {
        Tenant = $"tenant-{i % 40:D3}",
        NodeId = $"b{i:D6}",
        DisplayName = $"第{i}党支部（机关）",
        ParentId = $"org-{i % 40:D3}",
        Period = view.Period,
        RubricVersion = view.RubricVersion,
        Total = Math.Round(random.NextDouble() * 100, 2),
        Grade = new string("良好".AsSpan()),
        Indicators = [.. indicators.Select((d, k) => new Contracts.Rankings.IndicatorScore
        {
            IndicatorId = new string(d.Id.AsSpan()),
            Raw = k % 6 == 0 ? random.Next(0, 7) / 7.0 : random.Next(0, 13),
            Points = d.Branch ? Math.Round(random.NextDouble() * d.Max, 2) : 0,
            MaxPoints = d.Max,
            Assessable = d.Branch,
        })],
        Version = 1,
        ComputedAt = DateTimeOffset.UnixEpoch.AddSeconds(i),
    };

    private static TimeSpan Median(int rounds, Func<object> call)
    {
        var times = new List<double>(rounds);
        for (var round = -rounds / 10; round < rounds; round++)
        {
            var started = Stopwatch.GetTimestamp();
            GC.KeepAlive(call());
            if (round >= 0)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        times.Sort();
        return TimeSpan.FromMilliseconds(times[times.Count / 2]);
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
