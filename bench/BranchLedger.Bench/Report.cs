using System.Globalization;
using System.Text;

namespace BranchLedger.Bench;

/// <summary>The Markdown report: every latency as a median (and tail), every comparison as a ratio.</summary>
internal static class Report
{
    public static string Markdown(Results r)
    {
        var md = new StringBuilder();
        var run = r.Run;
        var w = r.Workload;
        Line(md, $"# Ledger grain: state size and write latency ({run.Mode}, {run.Records:N0} records)");
        Line(md);
        Line(md, $"- run {run.StartedUtc}, {run.DurationSeconds:F0} s, code {run.Code}; load average {run.LoadAverageStart} at start, {run.LoadAverageEnd} at end");
        Line(md, $"- machine: {run.Cores} cores ({run.Cpu}), {run.MemoryGiB} GiB; {run.Os}; {run.Runtime}, server GC {Yes(run.ServerGc)}");
        Line(md, $"- Orleans {run.Orleans}, Npgsql {run.Npgsql}, PostgreSQL {run.Postgres} on loopback ({run.PostgresSettings})");
        Line(md, $"- one in-process silo (SiloHosting production wiring), calls through its IGrainFactory; every write waits for the PostgreSQL commit");
        Line(md, $"- records: {w.Meetings:N0} meetings, {w.Talks:N0} talks; topic {w.AvgTopicChars:F1} chars, notes {w.AvgNotesChars:F1} chars on average; "
            + (w.Evidence ? $"{w.WithEvidence:N0} with one evidence reference (every 4th)" : "no evidence"));
        Line(md, "- latencies in ms (median · p95 · p99 of the range); ratios are grain ÷ baseline measured right after, at the same payload bytes");
        Line(md);

        Line(md, "## A. Single appends as the ledger grows (production serializer)");
        Line(md);
        Line(md, "| records | grain median | p95 | p99 | payload (stored) | PG upsert baseline median · p95 | ratio median | ratio p95 | grain − baseline | WAL / append |");
        Line(md, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var b in r.Buckets)
        {
            Line(md, $"| {b.From:N0}–{b.To:N0} | {Ms(b.Latency.Median)} | {Ms(b.Latency.P95)} | {Ms(b.Latency.P99)} | {Bytes(b.PayloadBytes)} ({Bytes(b.StoredBytes)}) "
                + $"| {Ms(b.Baseline.Median)} · {Ms(b.Baseline.P95)} | {Ratio(b.RatioMedian)} | {Ratio(b.RatioP95)} | {Ms(b.OverheadMedianMs)} | {Bytes(b.WalBytesPerAppend)} |");
        }

        Line(md);
        Line(md, $"PostgreSQL floor (same upsert, 64-byte payload, 100 writes): median {Ms(r.BaselineFloor.Median)} ms, p95 {Ms(r.BaselineFloor.P95)} ms. "
            + $"GC pauses during A: {r.GcPauseMsScenarioA:F0} ms in total.");
        Line(md);

        Line(md, "### Stored state size");
        Line(md);
        Line(md, "| records | payload bytes | stored bytes (TOAST, pglz) | bytes / record | stored bytes / record |");
        Line(md, "|--:|--:|--:|--:|--:|");
        foreach (var s in r.Sizes)
        {
            Line(md, $"| {s.Records:N0} | {s.PayloadBytes:N0} | {s.StoredBytes:N0} | {s.BytesPerRecord:F0} | {s.StoredBytesPerRecord:F0} |");
        }

        Line(md);
        Line(md, "### Latency curve (every 100 appends)");
        Line(md);
        Line(md, "| records | median | p95 | max | payload | WAL / append |");
        Line(md, "|---|--:|--:|--:|--:|--:|");
        foreach (var x in r.Windows)
        {
            Line(md, $"| {x.From:N0}–{x.To:N0} | {Ms(x.Latency.Median)} | {Ms(x.Latency.P95)} | {Ms(x.Latency.Max)} | {Bytes(x.PayloadBytes)} | {Bytes(x.WalBytesPerAppend)} |");
        }

        Line(md);
        Line(md, $"## B. {run.Records:N0} records: single appends vs batches (one durable write per batch)");
        Line(md);
        Line(md, "| mode | writes | total s | records / s | write median · p95 | first write | last write | final payload | speed-up |");
        Line(md, "|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var b in r.Batches)
        {
            Line(md, $"| {b.Mode} | {b.Writes:N0} | {b.TotalSeconds.ToString(b.TotalSeconds < 10 ? "F2" : "F1", CultureInfo.InvariantCulture)} | {b.RecordsPerSecond:N0} | {Ms(b.WriteLatency.Median)} · {Ms(b.WriteLatency.P95)} "
                + $"| {Ms(b.FirstWriteMs)} | {Ms(b.LastWriteMs)} | {Bytes(b.PayloadBytes)} | {Ratio(b.SpeedupVsSingle)} |");
        }

        var d = r.Seal;
        Line(md);
        Line(md, $"## D. Sealing finished years (the batches-of-500 ledger, {run.Records:N0} records over five years)");
        Line(md);
        Line(md, "| | live payload | append median · p95 · p99 |");
        Line(md, "|---|--:|--:|");
        Line(md, $"| before the seal | {Bytes(d.PayloadBefore)} | {Ms(d.AppendBefore.Median)} · {Ms(d.AppendBefore.P95)} · {Ms(d.AppendBefore.P99)} |");
        Line(md, $"| after the seal | {Bytes(d.PayloadAfter)} | {Ms(d.AppendAfter.Median)} · {Ms(d.AppendAfter.P95)} · {Ms(d.AppendAfter.P99)} |");
        Line(md, $"| **after ÷ before** | {Ratio((double)d.PayloadAfter / d.PayloadBefore)} | {Ratio(d.RatioMedian)} (median) |");
        Line(md);
        Line(md, $"The seal moved {d.SealedRecords:N0} records into {d.SealedYears} yearly archives in {Ms(d.SealMs)} ms; {d.LiveRecords:N0} records stay live.");
        Line(md);
        Line(md, $"## C. Grain-storage serializer at {run.CompareAt:N0} records (two silos, same records, appends interleaved)");
        Line(md);
        Line(md, $"| serializer | payload | stored | bytes / record | append median · p95 ({Math.Max(1, run.CompareAt - 99):N0}–{run.CompareAt:N0}) | append median (all) | serialize | deserialize | read back |");
        Line(md, "|---|--:|--:|--:|--:|--:|--:|--:|---|");
        foreach (var s in r.Serializers)
        {
            Line(md, $"| {s.Serializer} | {Bytes(s.PayloadBytes)} | {Bytes(s.StoredBytes)} | {s.BytesPerRecord:F0} | {Ms(s.LastWindow.Median)} · {Ms(s.LastWindow.P95)} "
                + $"| {Ms(s.All.Median)} | {Ms(s.SerializeMs)} | {Ms(s.DeserializeMs)} | {s.RoundTrip} |");
        }

        if (r.Serializers.Count == 2)
        {
            var (bin, json) = (r.Serializers[0], r.Serializers[1]);
            Line(md, $"| **JSON ÷ binary** | {Ratio((double)json.PayloadBytes / bin.PayloadBytes)} | {Ratio((double)json.StoredBytes / bin.StoredBytes)} | "
                + $"| {Ratio(json.LastWindow.Median / bin.LastWindow.Median)} · {Ratio(json.LastWindow.P95 / bin.LastWindow.P95)} | {Ratio(json.All.Median / bin.All.Median)} "
                + $"| {Ratio(json.SerializeMs / bin.SerializeMs)} | {Ratio(json.DeserializeMs / bin.DeserializeMs)} | |");
        }

        Line(md);
        Line(md, "## CPU inside one append (in-process, no I/O; medians)");
        Line(md);
        Line(md, "| records | binary serialize | binary deserialize | JSON serialize | JSON deserialize | Corrections.Project |");
        Line(md, "|--:|--:|--:|--:|--:|--:|");
        foreach (var c in r.CpuCosts)
        {
            Line(md, $"| {c.Records:N0} | {Ms(c.BinarySerializeMs)} | {Ms(c.BinaryDeserializeMs)} | {Ms(c.JsonSerializeMs)} | {Ms(c.JsonDeserializeMs)} | {Ms(c.ProjectMs)} |");
        }

        return md.ToString();
    }

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');

    private static string Yes(bool value) => value ? "on" : "off";

    private static string Ms(double ms) => double.IsNaN(ms) ? "–"
        : Math.Abs(ms) >= 100 ? ms.ToString("N0", CultureInfo.InvariantCulture)
        : Math.Abs(ms) >= 10 ? ms.ToString("F1", CultureInfo.InvariantCulture)
        : Math.Abs(ms) >= 0.1 ? ms.ToString("F2", CultureInfo.InvariantCulture)
        : ms.ToString("F3", CultureInfo.InvariantCulture);

    private static string Ratio(double ratio) => double.IsNaN(ratio) || double.IsInfinity(ratio) ? "–" : ratio.ToString("F2", CultureInfo.InvariantCulture) + "×";

    private static string Bytes(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024.0 / 1024).ToString("F2", CultureInfo.InvariantCulture) + " MiB"
        : bytes >= 10 * 1024
            ? (bytes / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " KiB"
            : bytes.ToString("N0", CultureInfo.InvariantCulture) + " B";
}
