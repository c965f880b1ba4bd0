using System.Diagnostics;

namespace BranchLedger.Bench.Rankings;

/// <summary>One concurrency level of city top-50 reads.</summary>
internal sealed record ReadLevel(int Concurrency, int Reads, double Seconds, double ReadsPerSecond, Stats Latency);

/// <summary>
/// City top-50 reads as the gateway serves <c>ListTopBranches</c> (no gRPC): the cached serving
/// layout, one page call per city shard, a k-way merge. Closed loop: each of C workers issues its
/// next read when the last one returns, for a fixed time after a short untimed warm-up.
/// </summary>
internal static class ReadThroughput
{
    public const int Top = 50;

    public static async Task<ReadLevel> RunAsync(RankingProbe probe, string period, int concurrency, TimeSpan duration)
    {
        await LoopAsync(probe, period, concurrency, TimeSpan.FromMilliseconds(500), null);
        var latencies = new List<double>[concurrency];
        var wall = Stopwatch.StartNew();
        await LoopAsync(probe, period, concurrency, duration, latencies);
        wall.Stop();
        var all = latencies.SelectMany(l => l).ToList();
        return new ReadLevel(concurrency, all.Count, wall.Elapsed.TotalSeconds, all.Count / wall.Elapsed.TotalSeconds, Stats.Of(all));
    }

    private static Task LoopAsync(RankingProbe probe, string period, int concurrency, TimeSpan duration, List<double>[]? latencies)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = new List<double>(4096);
            if (latencies is not null)
            {
                latencies[worker] = mine;
            }

            await Task.Yield();
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                var layout = await probe.ServingLayoutAsync() ?? throw new InvalidOperationException("No serving ranking layout.");
                var (rows, ranked) = await probe.CityTopAsync(layout, period, Top);
                mine.Add(Clock.Ms(start));
                if (rows.Count != Math.Min(Top, ranked) || (rows.Count > 0 && rows[^1].Rank != rows.Count))
                {
                    throw new InvalidOperationException($"A top-{Top} read returned {rows.Count} rows of {ranked} ranked.");
                }
            }
        }));
    }
}
