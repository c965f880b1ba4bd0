using System.Diagnostics;
using BranchLedger.Bench.Rankings;

namespace BranchLedger.Bench.City;

/// <summary>One measured level: calls at a concurrency for a time, their rate and latency (ms).</summary>
internal sealed record Level(int Concurrency, int Calls, double Seconds, double PerSecond, Stats Latency);

/// <summary>
/// Closed loop: each of C workers makes its next call when the last one returned, for a fixed time
/// after a short untimed warm-up. The call gets (worker, sequence) so writers can pick their own branch
/// and a request id that is never reused.
/// </summary>
internal static class ClosedLoop
{
    public static async Task<Level> RunAsync(int concurrency, TimeSpan duration, Func<int, int, Task> call)
    {
        var sequence = 0;
        await LoopAsync(concurrency, TimeSpan.FromSeconds(Math.Min(1, duration.TotalSeconds / 4)), call, null, () => Interlocked.Increment(ref sequence));
        var latencies = new List<double>[concurrency];
        var wall = Stopwatch.StartNew();
        await LoopAsync(concurrency, duration, call, latencies, () => Interlocked.Increment(ref sequence));
        wall.Stop();
        var all = latencies.SelectMany(l => l).ToList();
        return new Level(concurrency, all.Count, wall.Elapsed.TotalSeconds, all.Count / wall.Elapsed.TotalSeconds, Stats.Of(all));
    }

    private static Task LoopAsync(int concurrency, TimeSpan duration, Func<int, int, Task> call, List<double>[]? latencies, Func<int> next)
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
                await call(worker, next());
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
    }
}
