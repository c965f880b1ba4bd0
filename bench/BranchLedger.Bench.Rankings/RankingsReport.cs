using System.Globalization;
using System.Text;

namespace BranchLedger.Bench.Rankings;

/// <summary>The Markdown report: medians and tails, every comparison as a ratio to a same-run baseline.</summary>
internal static class RankingsReport
{
    public static string Markdown(RankingsResults r)
    {
        var md = new StringBuilder();
        var run = r.Run;
        var city = r.City;
        var f = r.Freshness;
        var b = r.Baselines;
        Line(md, $"# Rankings: freshness and reads ({run.Mode}, {city.Branches:N0} branches)");
        Line(md);
        Line(md, $"- run {run.StartedUtc}, {run.DurationSeconds:F0} s, code {run.Code}; load average {run.LoadAverageStart} at start, "
            + $"{run.LoadAverageBeforeMeasuring} when measuring began, {run.LoadAverageEnd} at end; CPU pressure (PSI some, avg10 / avg60) "
            + $"{run.CpuPressureBeforeMeasuring} when measuring began, {run.CpuPressureEnd} at end");
        Line(md, $"- machine: {run.Cores} cores ({run.Cpu}), {run.MemoryGiB} GiB; {run.Os}; {run.Runtime}, server GC {(run.ServerGc ? "on" : "off")}");
        Line(md, $"- Orleans {run.Orleans}, Npgsql {run.Npgsql}, PostgreSQL {run.Postgres} on loopback ({run.PostgresSettings})");
        Line(md, "- one in-process silo (SiloHosting production wiring), calls through its IGrainFactory (no gateway, no gRPC)");
        Line(md, $"- city: {city.Tenants} tenants, {city.Branches:N0} branches with named rosters, {city.Records:N0} records "
            + $"({(double)city.Records / city.Branches:F0} per branch, the last 12 months) loaded with one AppendBatch per branch in {city.LoadSeconds:F0} s; "
            + $"the {city.Period} city ranking held all {city.RankedBranches:N0} branches {city.RankingReadySeconds:F1} s after the last batch");
        Line(md, $"- rankings: rubric {city.RubricVersion}, {city.CityShards} city shards; today {city.Today} (tenant calendar, Asia/Shanghai)");
        Line(md, "- latencies in ms; the machine is shared and noisy: read medians and ratios to the same-run baselines");
        Line(md);

        Line(md, $"## 1. Freshness: a recorded meeting shows in the city ranking ({f.Samples} samples, one at a time)");
        Line(md);
        Line(md, "Each sample appends this month's 主题党日 to a different branch (`ILedgerGrain.Append`), then polls the city shard that");
        Line(md, "holds the branch (`Locate`, every ~1 ms) until the score with the new version shows. Samples are 100–300 ms apart,");
        Line(md, "so every push finds the ingress idle and waits its full interval (a quiet city: the worst case of its timer).");
        Line(md);
        FreshnessTables(md, f, b);
        if (r.BusyFreshness is { } busy)
        {
            Line(md, $"### 1b. The same while other branches write ({busy.Samples} samples; one background writer, {r.BackgroundWritesPerSecond:F0} appends/s to other branches)");
            Line(md);
            Line(md, "Other branches' pushes keep the ingress' timer running, so a sampled push meets it at a random phase and waits");
            Line(md, "0–100 ms instead of the full interval; the extra writes also compete for the same two cores.");
            Line(md);
            FreshnessTables(md, busy, b);
        }

        Line(md, "## 2. Baselines (same run; the round trips and `GetScore` interleaved with the samples)");
        Line(md);
        Line(md, "| baseline | p50 | p90 | p99 | max |");
        Line(md, "|---|--:|--:|--:|--:|");
        Line(md, $"| designed delays: ledger debounce {Ms(b.LedgerDebounceMs)} + idle ingress first send {Ms(b.IngressIntervalMs)} (the floor) | {Ms(b.FloorMs)} | | | |");
        Row(md, "empty grain call: `IRankingCatalogGrain.GetServingVersion` (the stack's ceiling)", b.CatalogCallMs, mean: false);
        Row(md, "shard call: `IRankingShardGrain.GetVersion`", b.ShardCallMs, mean: false);
        Row(md, "append (acknowledgement), the same writes", f.AppendMs, mean: false);
        Row(md, "`GetScore` of the year (call + rubric lookup + scoring one period)", b.GetScoreYearMs, mean: false);
        Row(md, "`GetScore` of the quarter", b.GetScoreQuarterMs, mean: false);
        Row(md, "`GetScore` of the month", b.GetScoreMonthMs, mean: false);
        Line(md);
        Line(md, "| ratio | value |");
        Line(md, "|---|--:|");
        Line(md, $"| freshness p50 ÷ floor | {Ratio(f.VisibleMs.P50 / b.FloorMs)} |");
        Line(md, $"| freshness p50 − floor (what the stack adds to the designed delays) | {Ms(f.VisibleMs.P50 - b.FloorMs)} ms |");
        Line(md, $"| freshness p99 − floor | {Ms(f.VisibleMs.P99 - b.FloorMs)} ms |");
        Line(md, $"| freshness p50 ÷ append p50 | {Ratio(f.VisibleMs.P50 / f.AppendMs.P50)} |");
        Line(md, $"| (freshness p50 − floor) ÷ empty call p50, in round trips | {(f.VisibleMs.P50 - b.FloorMs) / b.CatalogCallMs.P50:F0} |");
        Line(md, $"| floor ÷ target | {Ratio(b.FloorMs / f.TargetMs)} |");
        Line(md, $"| freshness p99 ÷ target | {Ratio(f.VisibleMs.P99 / f.TargetMs)} |");
        if (r.BusyFreshness is { } other)
        {
            Line(md, $"| freshness p50 while other branches write ÷ quiet p50 | {Ratio(other.VisibleMs.P50 / f.VisibleMs.P50)} |");
            Line(md, $"| last period computed → visible, p50 while others write ÷ quiet p50 (the ingress timer's phase) | {Ratio(other.LastScoredToVisibleMs.P50 / f.LastScoredToVisibleMs.P50)} |");
        }
        Line(md);

        Line(md, $"## 3. City top-{ReadThroughput.Top} reads (the reader path: one page per city shard, merged)");
        Line(md);
        Line(md, "| concurrency | reads | reads / s | shard calls / s | p50 | p90 | p99 | max |");
        Line(md, "|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var level in r.Reads)
        {
            Line(md, $"| {level.Concurrency} | {level.Reads:N0} | {level.ReadsPerSecond:N0} | {level.ReadsPerSecond * city.CityShards:N0} "
                + $"| {Ms(level.Latency.P50)} | {Ms(level.Latency.P90)} | {Ms(level.Latency.P99)} | {Ms(level.Latency.Max)} |");
        }

        if (r.Reads.Count > 0)
        {
            Line(md);
            Line(md, $"A top-{ReadThroughput.Top} read at concurrency 1 costs {Ratio(r.Reads[0].Latency.P50 / b.CatalogCallMs.P50)} an empty grain call (p50).");
        }

        return md.ToString();
    }

    private static void FreshnessTables(StringBuilder md, FreshnessSummary f, BaselineFacts b)
    {
        Line(md, "| from the append's acknowledgement | p50 | p90 | p99 | max | mean |");
        Line(md, "|---|--:|--:|--:|--:|--:|");
        Row(md, "**visible in the city ranking**", f.VisibleMs, bold: true);
        Row(md, $"· year score computed (ledger debounce {Ms(b.LedgerDebounceMs)} + timer + scoring the year)", f.YearScoredMs);
        Row(md, "· then quarter and month computed (scoring 2 more periods)", f.YearToLastScoredMs);
        Row(md, $"· then visible (push call, ingress interval {Ms(b.IngressIntervalMs)}, shard apply, poll)", f.LastScoredToVisibleMs);
        Row(md, "the append itself (call → acknowledged after the commit)", f.AppendMs);
        Row(md, $"visible, only the {f.Unstalled} samples without a stall (no gap > {Ms(f.StallMs)} between polls)", f.UnstalledVisibleMs);
        Line(md);
        Line(md, "| noise during a sample (append → visible) | p50 | p90 | p99 | max | mean |");
        Line(md, "|---|--:|--:|--:|--:|--:|");
        Row(md, "longest gap between two poll answers (≈ 1 ms when the process runs freely)", f.MaxPollGapMs);
        Row(md, "this process' threads waiting for a CPU (run-queue wait, summed over threads)", f.CpuWaitMs);
        Row(md, "garbage-collection pauses", f.GcPauseMs);
        Line(md);
        var met = f.VisibleMs.P99 <= f.TargetMs && f.Visible == f.Samples;
        Line(md, $"**Target p99 ≤ {f.TargetMs:F0} ms: {(met ? "met" : "MISSED")}** (p99 {Ms(f.VisibleMs.P99)} ms, max {Ms(f.VisibleMs.Max)} ms; "
            + $"{f.Visible} of {f.Samples} visible within {Freshness.Timeout.TotalSeconds:F0} s). With {f.Samples} samples, p99 lies "
            + $"between the {SlowestAround(f.Visible)} slowest samples.");
        Line(md);
        Line(md, $"Checks: the year total changed in {f.TotalsChanged} of {f.Visible}; the visible total equals the ledger's own `GetScore` in "
            + $"{f.TotalsMatchingLedger} of {f.Visible}; the tenant shard was current too in {f.TenantShardsCurrent} of {f.Visible}; "
            + $"{f.PeriodsPerWrite} periods scored and pushed per write (year, quarter, month). Polling: median {Ms(f.PollIntervalMs.P50)} ms "
            + $"between polls, {f.Polls.P50:F0} polls per sample.");
        Line(md);
    }

    private static void Row(StringBuilder md, string name, Stats s, bool bold = false, bool mean = true)
    {
        string V(double v) => bold ? $"**{Ms(v)}**" : Ms(v);
        Line(md, mean
            ? $"| {name} | {V(s.P50)} | {V(s.P90)} | {V(s.P99)} | {V(s.Max)} | {V(s.Mean)} |"
            : $"| {name} | {V(s.P50)} | {V(s.P90)} | {V(s.P99)} | {V(s.Max)} |");
    }

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');

    // Which samples p99 interpolates between (R-7), counted from the slowest: "#2 and #3".
    private static string SlowestAround(int n)
    {
        var lower = (int)Math.Floor((n - 1) * 0.99);
        return $"#{n - Math.Min(lower + 1, n - 1)} and #{n - lower}";
    }

    private static string Ms(double ms) => double.IsNaN(ms) ? "–"
        : Math.Abs(ms) >= 100 ? ms.ToString("N0", CultureInfo.InvariantCulture)
        : Math.Abs(ms) >= 10 ? ms.ToString("F1", CultureInfo.InvariantCulture)
        : Math.Abs(ms) >= 0.1 ? ms.ToString("F2", CultureInfo.InvariantCulture)
        : ms.ToString("F3", CultureInfo.InvariantCulture);

    private static string Ratio(double ratio) => double.IsNaN(ratio) || double.IsInfinity(ratio) ? "–" : ratio.ToString("F2", CultureInfo.InvariantCulture) + "×";
}
