using System.Diagnostics;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Domain.Periods;

namespace BranchLedger.Bench.Rankings;

/// <summary>
/// Freshness, one write at a time: record a meeting through the grain factory (what the gateway does
/// after validation), take the acknowledgement time, poll the city shard that holds the branch every
/// ~1 ms until the new score shows. Between samples a random pause of 100–300 ms, so (unless
/// <see cref="BackgroundWrites"/> run) every write finds the ingress idle — its timer then waits the
/// full interval, the worst case of a quiet city. The
/// pause also holds the same-noise baselines: round trips of an empty grain call and of a shard call,
/// and <c>GetScore</c> of the write's three periods on the same ledger.
/// </summary>
internal sealed class Freshness(IGrainFactory grains, RankingProbe probe, RankingLayout layout, DateOnly today)
{
    /// <summary>A sample that has not shown after this long is reported as not visible.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private const int RoundTripsPerSample = 10;

    private readonly Period _year = Period.Year(today.Year);
    private readonly Period _quarter = Period.Containing(today, PeriodKind.Quarter);
    private readonly Period _month = Period.Containing(today, PeriodKind.Month);

    /// <summary>Round trips of <see cref="IRankingCatalogGrain.GetServingVersion"/>, ms.</summary>
    public List<double> CatalogCalls { get; } = [];

    /// <summary>Round trips of <see cref="IRankingShardGrain.GetVersion"/> on the sample's city shard, ms.</summary>
    public List<double> ShardCalls { get; } = [];

    public string YearPeriod => _year.ToString();

    /// <summary>Measures one sample; null when the new score did not show within <see cref="Timeout"/>.</summary>
    public async Task<FreshnessSample?> MeasureAsync(int index, BranchPlan branch, Random random)
    {
        var pauseStart = Stopwatch.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(random.Next(100, 301));
        var ledger = grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger(branch.Tenant, branch.Node));
        var shards = new[] { _year, _quarter, _month }.Select(p => probe.CityShardOf(layout, p.ToString(), branch.Tenant, branch.Node)).ToArray();
        var before = await Task.WhenAll(shards.Select(s => s.Locate(branch.Tenant, branch.Node)));
        if (before[0] is not { } yearBefore)
        {
            throw new InvalidOperationException($"{branch.Tenant}/{branch.Node} is not in the city ranking of {_year}.");
        }

        var tenantShard = probe.TenantShard(layout, _year.ToString(), branch.Tenant);
        var getScore = new double[3];
        var periods = new[] { _year, _quarter, _month };
        for (var p = 0; p < periods.Length; p++)
        {
            var start = Stopwatch.GetTimestamp();
            await ledger.GetScore(periods[p].ToString(), 0);
            getScore[p] = Clock.Ms(start);
        }

        for (var i = 0; i < RoundTripsPerSample; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await probe.Catalog.GetServingVersion();
            CatalogCalls.Add(Clock.Ms(start));
            start = Stopwatch.GetTimestamp();
            await shards[0].GetVersion();
            ShardCalls.Add(Clock.Ms(start));
        }

        var left = pause - Stopwatch.GetElapsedTime(pauseStart);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }

        // The write and the poll, on a thread of their own (blocking waits, Thread.Sleep(1) between
        // polls: finer than timer-based delays), with nothing else called in between.
        var command = YearOfRecords.ThemeDayToday(branch, today, index);
        var cpuWaitBefore = CpuWait.Snapshot();
        var gcBefore = GC.GetTotalPauseDuration();
        var timed = await Task.Factory.StartNew(
            () => WriteAndPoll(ledger, command, shards[0], branch, yearBefore.Score.Version),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var gcPauseMs = (GC.GetTotalPauseDuration() - gcBefore).TotalMilliseconds;
        var (sent, acked, ackedAt, visible, seen, polls, maxGapMs, cpuWaitAfter) = timed;
        var cpuWaitMs = CpuWait.BetweenMs(cpuWaitBefore, cpuWaitAfter);
        if (seen is null)
        {
            return null;
        }

        var visibleMs = Clock.Ms(acked, visible);
        var tenantCurrent = (await tenantShard.Locate(branch.Tenant, branch.Node))?.Score.Version >= seen.Score.Version;

        // The quarter's and month's scores were pushed in the same call, so they arrive with the same
        // ingress batch; wait briefly for any that lag, then read when each was computed.
        var computed = new List<DateTimeOffset> { seen.Score.ComputedAt };
        for (var p = 1; p < shards.Length; p++)
        {
            var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var location = await shards[p].Locate(branch.Tenant, branch.Node);
                if (location is not null && (before[p] is null || location.Score.Version > before[p]!.Score.Version))
                {
                    computed.Add(location.Score.ComputedAt);
                    break;
                }

                await Task.Delay(1);
            }
        }

        var ledgerTotal = (await ledger.GetScore(_year.ToString(), 0)).Total ?? double.NaN;
        var rank = await probe.CityRankAsync(layout, _year.ToString(), seen);
        return new FreshnessSample(
            index, branch.Tenant, branch.Node, Clock.Ms(sent, acked), visibleMs,
            Clock.Ms(ackedAt, seen.Score.ComputedAt), Clock.Ms(ackedAt, computed.Max()), computed.Count, polls, maxGapMs,
            cpuWaitMs, gcPauseMs, getScore[0], getScore[1], getScore[2], yearBefore.Score.Total, seen.Score.Total, ledgerTotal, rank, tenantCurrent);
    }

    private static (long Sent, long Acked, DateTimeOffset AckedAt, long Visible, ShardLocation? Seen, int Polls, double MaxGapMs, Dictionary<string, long> CpuWait) WriteAndPoll(
        ILedgerGrain ledger, AppendCommand command, IRankingShardGrain shard, BranchPlan branch, long versionBefore)
    {
        var sent = Stopwatch.GetTimestamp();
        var written = ledger.Append(command).GetAwaiter().GetResult();
        var acked = Stopwatch.GetTimestamp();
        var ackedAt = DateTimeOffset.UtcNow;
        if (written.Replayed)
        {
            throw new InvalidOperationException($"{branch.Tenant}/{branch.Node}: the freshness write was a replay (sampled twice?).");
        }

        var polls = 0;
        var last = acked;
        var maxGap = 0.0;
        while (true)
        {
            var location = shard.Locate(branch.Tenant, branch.Node).GetAwaiter().GetResult();
            var now = Stopwatch.GetTimestamp();
            polls++;
            maxGap = Math.Max(maxGap, Clock.Ms(last, now));
            last = now;
            if (location is not null && location.Score.Version > versionBefore)
            {
                return (sent, acked, ackedAt, now, location, polls, maxGap, CpuWait.Snapshot());
            }

            if (Stopwatch.GetElapsedTime(acked, now) > Timeout)
            {
                return (sent, acked, ackedAt, now, null, polls, maxGap, CpuWait.Snapshot());
            }

            Thread.Sleep(1);
        }
    }
}
