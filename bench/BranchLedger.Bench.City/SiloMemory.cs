using System.Globalization;

namespace BranchLedger.Bench.City;

/// <summary>
/// The silo's memory at one moment: resident set (VmRSS), managed heap after the last GC, and the
/// ledger activations alive (created − destroyed, from Orleans' catalog counters) — all from the silo process.
/// </summary>
internal sealed record MemorySample(long ResidentBytes, long GcHeapBytes, long ActiveLedgers, long ActiveGrains)
{
    /// <summary>Reads both; the heap is the sum over generations of <c>dotnet_gc_last_collection_heap_size_bytes</c> (0 if absent).</summary>
    public static async Task<MemorySample> ReadAsync(CityPlatform platform)
    {
        // Let a collection settle what the load allocated, so the heap figure is not the one of a GC long ago.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var scrape = await platform.SiloMetricsAsync();
        const string Ledger = "grain_type=\"ledger\"";
        return new MemorySample(
            platform.SiloResidentBytes(), (long)Sum(scrape, "dotnet_gc_last_collection_heap_size_bytes"),
            (long)(Sum(scrape, "orleans_catalog_activation_created_total", Ledger) - Sum(scrape, "orleans_catalog_activation_destroyed_total", Ledger)),
            (long)(Sum(scrape, "orleans_catalog_activation_created_total") - Sum(scrape, "orleans_catalog_activation_destroyed_total")));
    }

    /// <summary>The sum of every series of a metric in a Prometheus text scrape (lines: name{labels} value [timestamp]).</summary>
    public static double Sum(string scrape, string metric, string label = "") =>
        scrape.Split('\n')
            .Where(l => l.StartsWith(metric, StringComparison.Ordinal) && l.Length > metric.Length && l[metric.Length] is ' ' or '{')
            .Where(l => l.Contains(label, StringComparison.Ordinal))
            .Sum(l => double.Parse(
                l[(l[metric.Length] == '{' ? l.IndexOf('}', StringComparison.Ordinal) + 1 : metric.Length)..].Trim().Split(' ')[0],
                CultureInfo.InvariantCulture));
}
