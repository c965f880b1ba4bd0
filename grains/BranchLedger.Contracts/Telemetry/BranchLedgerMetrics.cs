using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace BranchLedger.Contracts.Telemetry;

/// <summary>
/// The domain's own instruments, on the meter <see cref="MeterName"/> that gateway and silo export.
/// They live here because grains and the gateway both record them. Tags are low-cardinality only —
/// a record family, a warning kind, a rubric — never a tenant, node or grain key: every distinct tag
/// value is a time series kept forever by the metrics backend.
/// </summary>
public static class BranchLedgerMetrics
{
    /// <summary>The meter name to subscribe to (OpenTelemetry <c>AddMeter</c>).</summary>
    public const string MeterName = "BranchLedger";

    /// <summary>Tag of <see cref="RecordsWritten"/>: the record family (<c>meeting</c>, <c>talk</c>, …).</summary>
    public const string RecordFamilyTag = "record.family";

    /// <summary>Tag of <see cref="WarningsRaised"/>: the warning kind.</summary>
    public const string WarningKindTag = "warning.kind";

    /// <summary>Tag of the rescoring gauge: the rubric being applied.</summary>
    public const string RubricTag = "rubric";

    /// <summary>Tag of <see cref="CallsRefused"/>: the gRPC status code (<c>InvalidArgument</c>, …).</summary>
    public const string StatusCodeTag = "rpc.grpc.status_code";

    /// <summary>Tag of <see cref="CallsRefused"/>: the RPC's full name (a closed set: only methods the gateway serves).</summary>
    public const string MethodTag = "rpc.method";

    private static readonly Meter Meter = new(MeterName, "1.0");
    private static readonly ConcurrentDictionary<string, double> Rescoring = new(StringComparer.Ordinal);

    /// <summary>Ledger records durably written (acknowledged writes only; replays are not counted).</summary>
    public static readonly Counter<long> RecordsWritten = Meter.CreateCounter<long>(
        "branchledger.records.written", "{record}", "Ledger records durably written, by record family.");

    /// <summary>Warnings published by the ledgers' daily recompute, by kind.</summary>
    public static readonly Counter<long> WarningsRaised = Meter.CreateCounter<long>(
        "branchledger.warnings.raised", "{warning}", "Warnings published by the ledgers' daily recompute, by kind.");

    /// <summary>
    /// gRPC calls the gateway answered with a status other than OK, by status and method. Client errors
    /// are counted here rather than logged: a flood of bad calls must not flood the logs.
    /// </summary>
    public static readonly Counter<long> CallsRefused = Meter.CreateCounter<long>(
        "branchledger.rpc.refused", "{call}", "gRPC calls answered with a status other than OK, by status and method.");

    /// <summary>From a write acknowledged to its score visible in a ranking view (the budget is 200 ms).</summary>
    public static readonly Histogram<double> RankingFreshnessLag = Meter.CreateHistogram<double>(
        "branchledger.ranking.freshness_lag", "ms", "Time from a write acknowledged to its score visible in a ranking view.");

    /// <summary>Fraction (0..1) of branches rescored by each running rubric change, as reported by <see cref="ReportRescoring"/>.</summary>
    public static readonly ObservableGauge<double> RescoringProgress = Meter.CreateObservableGauge(
        "branchledger.rescoring.progress",
        () => Rescoring.Select(p => new Measurement<double>(p.Value, new KeyValuePair<string, object?>(RubricTag, p.Key))),
        "1",
        "Fraction of branches rescored by a running rubric change.");

    /// <summary>Counts records just made durable, one per family name given.</summary>
    public static void CountRecordsWritten(IEnumerable<string> families)
    {
        foreach (var family in families)
        {
            RecordsWritten.Add(1, new KeyValuePair<string, object?>(RecordFamilyTag, family));
        }
    }

    /// <summary>Counts warnings just published, one per kind name given.</summary>
    public static void CountWarningsRaised(IEnumerable<string> kinds)
    {
        foreach (var kind in kinds)
        {
            WarningsRaised.Add(1, new KeyValuePair<string, object?>(WarningKindTag, kind));
        }
    }

    /// <summary>Reports how far a rescoring has come; <paramref name="total"/> of 0 counts as done.</summary>
    public static void ReportRescoring(string rubric, long done, long total) =>
        Rescoring[rubric] = total <= 0 ? 1d : Math.Clamp((double)done / total, 0d, 1d);

    /// <summary>Stops reporting a rescoring that finished or was abandoned.</summary>
    public static void EndRescoring(string rubric) => Rescoring.TryRemove(rubric, out _);
}
