using BranchLedger.Bench.Rankings;

namespace BranchLedger.Bench.City;

/// <summary>One row of the summary: a metric, its baseline from the same run, and their ratio.</summary>
internal sealed record Comparison(string Metric, double Value, string Unit, string Baseline, double BaselineValue, string Note = "")
{
    /// <summary>Value ÷ baseline.</summary>
    public double Ratio => BaselineValue == 0 ? double.NaN : Value / BaselineValue;
}

/// <summary>Ranking reads at one concurrency: the platform, the SQL peer (pgbench) and the empty gRPC call.</summary>
internal sealed record ReadComparison(int Concurrency, Level Platform, Level SqlPeer, Level EmptyCall);

/// <summary>
/// A point of the scale curve. Memory is sampled twice after full collections: once right after the load
/// (recent ledgers still active), once after idle ledgers were collected. Per active ledger is the
/// difference over the ledgers that left; per branch is what stays with none active (rankings, directory,
/// reminders) over the branches.
/// </summary>
internal sealed record ScalePoint(
    int Branches, long Records, double RecordsPerBranch, string RecordsNote, double LoadSeconds, double RankedAfterSeconds,
    Level Read, Level SqlPeerRead, long ResidentBytes, long GcHeapBytes, long ActiveLedgers, long ActiveGrains,
    long IdleResidentBytes, long IdleGcHeapBytes, long IdleActiveLedgers,
    double ResidentPerLedger, double GcHeapPerLedger, double IdleHeapPerBranch, double StoredStatePerLedger);

/// <summary>Everything one run measured, written as JSON next to the Markdown report.</summary>
internal sealed record CityResults(
    string Mode, string StartedUtc, double TotalSeconds, IReadOnlyDictionary<string, string> Machine, IReadOnlyList<string> Commands,
    int Tenants, int Branches, long Records, double LoadSeconds, double LoadRecordsPerSecond, double SqlPeerCopyRowsPerSecond,
    Level Writes, Level PostgresUpsert, BulkImportResult BulkImport, double StoredStatePerLedger, IReadOnlyList<ReadComparison> Reads,
    FreshnessResult Freshness, double RebuildSeconds, double SqlPeerFullRankingMs, IReadOnlyList<ScalePoint> Scale,
    IReadOnlyList<Comparison> Summary, IReadOnlyList<string> Errors);
