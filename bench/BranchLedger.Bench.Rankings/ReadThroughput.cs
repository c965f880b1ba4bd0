using BranchLedger.Bench.City;

namespace BranchLedger.Bench.Rankings;

/// <summary>One concurrency level of city top-50 reads.</summary>
internal sealed record ReadLevel(int Concurrency, int Reads, double Seconds, double ReadsPerSecond, Stats Latency);

/// <summary>
/// City top-50 reads as the gateway serves <c>ListTopBranches</c> (no gRPC): the cached serving
/// layout, one page call per city shard, a k-way merge. Closed loop (the city bench's
/// <see cref="ClosedLoop"/>): each of C workers issues its next read when the last one returns.
/// </summary>
internal static class ReadThroughput
{
    public const int Top = 50;

    public static async Task<ReadLevel> RunAsync(RankingProbe probe, string period, int concurrency, TimeSpan duration)
    {
        var level = await ClosedLoop.RunAsync(concurrency, duration, async (_, _) =>
        {
            var layout = await probe.ServingLayoutAsync() ?? throw new InvalidOperationException("No serving ranking layout.");
            var (rows, ranked) = await probe.CityTopAsync(layout, period, Top);
            if (rows.Count != Math.Min(Top, ranked) || (rows.Count > 0 && rows[^1].Rank != rows.Count))
            {
                throw new InvalidOperationException($"A top-{Top} read returned {rows.Count} rows of {ranked} ranked.");
            }
        });
        return new ReadLevel(level.Concurrency, level.Calls, level.Seconds, level.PerSecond, level.Latency);
    }
}
