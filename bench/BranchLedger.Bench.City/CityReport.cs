using System.Globalization;
using System.Text;

namespace BranchLedger.Bench.City;

/// <summary>The summary rows (metric ÷ baseline) and the Markdown report.</summary>
internal static class CityReport
{
    public static IReadOnlyList<Comparison> Summary(CityResults r)
    {
        var rows = new List<Comparison>
        {
            new($"durable single-record writes/s (RecordMeeting, c={r.Writes.Concurrency})", r.Writes.PerSecond, "/s",
                "(a) pgbench upsert of the ledgers' own states", r.PostgresUpsert.PerSecond),
            new("  write latency p50", r.Writes.Latency.P50, "ms", "(a) upsert p50", r.PostgresUpsert.Latency.P50),
            new("  write latency p99", r.Writes.Latency.P99, "ms", "(a) upsert p99", r.PostgresUpsert.Latency.P99),
            new($"bulk import records/s (ImportRecords ≤ 1,000 rows, {r.BulkImport.Concurrency} at a time)", r.BulkImport.RowsPerSecond, "/s",
                "(b) COPY of the same rows into a plain table", r.BulkImport.PeerRowsPerSecond),
            new("city load records/s (directory + rosters + ImportRecords)", r.LoadRecordsPerSecond, "/s",
                "(b) COPY of the city's branch rows", r.SqlPeerCopyRowsPerSecond),
        };
        foreach (var read in r.Reads)
        {
            rows.Add(new($"top-50 reads/s (ListTopBranches, c={read.Concurrency})", read.Platform.PerSecond, "/s", "(b) SQL peer query/s", read.SqlPeer.PerSecond));
            rows.Add(new("  read p50", read.Platform.Latency.P50, "ms", "(b) SQL peer p50", read.SqlPeer.Latency.P50));
            rows.Add(new("  read p99", read.Platform.Latency.P99, "ms", "(b) SQL peer p99", read.SqlPeer.Latency.P99));
            rows.Add(new("  reads/s vs the stack's ceiling", read.Platform.PerSecond, "/s", "(c) empty gRPC calls/s", read.EmptyCall.PerSecond));
            rows.Add(new("  read p50 vs the stack's ceiling", read.Platform.Latency.P50, "ms", "(c) empty call p50", read.EmptyCall.Latency.P50));
        }

        var peer1 = r.Reads.FirstOrDefault(x => x.Concurrency == 1)?.SqlPeer ?? r.Reads[0].SqlPeer;
        rows.Add(new("freshness p50 (write ack → visible in GetBranchRank)", r.Freshness.AckToVisible.P50, "ms",
            "(b) SQL peer top-50 p50 (visible at the next query)", peer1.Latency.P50));
        rows.Add(new("freshness p99", r.Freshness.AckToVisible.P99, "ms", "(b) SQL peer top-50 p99", peer1.Latency.P99));
        var city = r.Scale.Single(p => p.Branches == r.Branches);
        var left = city.ActiveLedgers - city.IdleActiveLedgers;
        rows.Add(new($"live heap per active ledger grain (full GC; heap drop as {left:N0} idle ledgers were collected)", city.GcHeapPerLedger, "bytes",
            "the ledger's stored state (avg bytes)", city.StoredStatePerLedger));
        rows.Add(new("  silo RSS per active ledger grain (RSS drop, same ledgers)", city.ResidentPerLedger, "bytes", "the ledger's stored state", city.StoredStatePerLedger));
        rows.Add(new("  live heap per branch with no ledger active (rankings, directory, reminders)", city.IdleHeapPerBranch, "bytes", "the ledger's stored state", city.StoredStatePerLedger));
        rows.Add(new("cold rebuild of the rankings (RebuildRankings → all ranked)", r.RebuildSeconds * 1000, "ms",
            "(b) SQL peer ranking every branch once", r.SqlPeerFullRankingMs));
        return rows;
    }

    public static string Markdown(CityResults r)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"# City benchmark ({r.Mode}) — {r.StartedUtc}");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"City: {r.Tenants} tenants × {r.Branches / r.Tenants} branches = {r.Branches:N0} branches, {r.Records:N0} records loaded through ImportRecords in {r.LoadSeconds:F0} s. Run: {r.TotalSeconds:F0} s.");
        s.AppendLine();
        s.AppendLine("| metric | value | baseline | baseline value | ratio |");
        s.AppendLine("|---|---:|---|---:|---:|");
        foreach (var c in r.Summary)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| {c.Metric} | {N(c.Value)} {c.Unit} | {c.Baseline} | {N(c.BaselineValue)} {c.Unit} | {c.Ratio:0.00}× |");
        }

        s.AppendLine();
        s.AppendLine("## Scale curve (top-50 read at concurrency 1; silo memory after full collections)");
        s.AppendLine();
        s.AppendLine("Memory is sampled right after the load (the ledgers written in the last minute or so still active) and again once idle ledgers were collected.");
        s.AppendLine();
        s.AppendLine("| branches | records | records / branch | read p50 / p99 ms | SQL peer p50 / p99 ms | read ÷ peer (p50) | live heap / RSS, after load | active ledgers / grains | live heap / RSS, ledgers collected | ledgers left | heap / active ledger | heap / branch, none active | stored state / ledger |");
        s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in r.Scale)
        {
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {p.Branches:N0} | {p.Records:N0} | {p.RecordsPerBranch:F0} ({p.RecordsNote}) | {p.Read.Latency.P50:F2} / {p.Read.Latency.P99:F2} | {p.SqlPeerRead.Latency.P50:F2} / {p.SqlPeerRead.Latency.P99:F2} | {p.Read.Latency.P50 / p.SqlPeerRead.Latency.P50:0.00}× | {Mib(p.GcHeapBytes)} / {Mib(p.ResidentBytes)} | {p.ActiveLedgers:N0} / {p.ActiveGrains:N0} | {Mib(p.IdleGcHeapBytes)} / {Mib(p.IdleResidentBytes)} | {p.IdleActiveLedgers:N0} | {p.GcHeapPerLedger / 1024:F1} KiB | {p.IdleHeapPerBranch / 1024:F1} KiB | {p.StoredStatePerLedger / 1024:F1} KiB |");
        }

        s.AppendLine();
        s.AppendLine("## Reads in detail");
        s.AppendLine();
        s.AppendLine("| c | platform reads/s | p50 / p99 ms | SQL peer q/s | p50 / p99 ms | empty calls/s | p50 / p99 ms |");
        s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var x in r.Reads)
        {
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {x.Concurrency} | {x.Platform.PerSecond:F0} | {x.Platform.Latency.P50:F2} / {x.Platform.Latency.P99:F2} | {x.SqlPeer.PerSecond:F1} | {x.SqlPeer.Latency.P50:F2} / {x.SqlPeer.Latency.P99:F2} | {x.EmptyCall.PerSecond:F0} | {x.EmptyCall.Latency.P50:F2} / {x.EmptyCall.Latency.P99:F2} |");
        }

        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Freshness: {r.Freshness.Samples} samples, {r.Freshness.NeverVisible} never visible; the writes themselves p50 {r.Freshness.WriteLatency.P50:F1} ms, p99 {r.Freshness.WriteLatency.P99:F1} ms.");
        s.AppendLine();
        s.AppendLine("## Machine");
        s.AppendLine();
        foreach (var (key, value) in r.Machine)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"- {key}: {value}");
        }

        s.AppendLine();
        s.AppendLine("Command: `" + string.Join("`, `", r.Commands) + "`");
        if (r.Errors.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("Errors: " + string.Join("; ", r.Errors.Take(20)));
        }

        return s.ToString();
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture) + " MiB";

    private static string N(double v) => v switch
    {
        double.NaN => "—",
        >= 1000 => v.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => v.ToString("F1", CultureInfo.InvariantCulture),
        _ => v.ToString("F2", CultureInfo.InvariantCulture),
    };
}
