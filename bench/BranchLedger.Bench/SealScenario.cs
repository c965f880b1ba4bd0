using System.Diagnostics;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;

namespace BranchLedger.Bench;

/// <summary>D. Sealing: the same ledger before and after its finished years move to archives.</summary>
internal static class SealScenario
{
    public const int Appends = 100;

    /// <summary>
    /// Appends <see cref="Appends"/> records to a grown ledger, seals every finished year, and appends
    /// as many again: the live state, and so every write, shrinks to the current year.
    /// </summary>
    public static async Task<SealMeasurement> RunAsync(IGrainFactory grains, string db, string node, RecordFactory factory, DateOnly today)
    {
        var key = GrainKeys.Ledger(BenchDirectory.Tenant, node);
        var ledger = grains.GetGrain<ILedgerGrain>(key);
        var before = await AppendsAsync(ledger, factory, "pre-seal", today);
        var payloadBefore = await Database.StateAsync(db, key);

        var start = Stopwatch.GetTimestamp();
        var sealedResult = await ledger.SealYear(new SealCommand(today.Year - 1, "bench-seal", "bench"));
        var sealMs = Clock.Ms(start);

        var payloadAfter = await Database.StateAsync(db, key);
        var after = await AppendsAsync(ledger, factory, "post-seal", today);
        return new SealMeasurement(
            sealedResult.SealedRecords, sealedResult.LiveRecords, sealedResult.SealedYears.Count, sealMs,
            payloadBefore.Length, payloadAfter.Length, before, after, after.Median / before.Median);
    }

    private static async Task<Summary> AppendsAsync(ILedgerGrain ledger, RecordFactory factory, string prefix, DateOnly day)
    {
        var latency = new double[Appends];
        for (var i = 0; i < Appends; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await ledger.Append(factory.Next($"{prefix}-{i:D4}", day, i));
            latency[i] = Clock.Ms(start);
        }

        return Summary.Of(latency);
    }
}

/// <summary>What sealing changed, measured on one ledger in one run.</summary>
internal sealed record SealMeasurement(
    int SealedRecords, int LiveRecords, int SealedYears, double SealMs, long PayloadBefore, long PayloadAfter,
    Summary AppendBefore, Summary AppendAfter, double RatioMedian);
