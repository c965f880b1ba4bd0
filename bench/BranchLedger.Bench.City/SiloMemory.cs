using System.Globalization;

namespace BranchLedger.Bench.City;

/// <summary>
/// The silo's memory at one moment, right after a full collection (<see cref="SiloGc"/>): resident set
/// (VmRSS), live managed heap, and the ledger activations alive (created − destroyed, from Orleans'
/// catalog counters) — all from the silo process.
/// </summary>
internal sealed record MemorySample(long ResidentBytes, long GcHeapBytes, long ActiveLedgers, long ActiveGrains)
{
    private const string Ledger = "grain_type=\"ledger\"";

    /// <summary>Reads both; the heap is the sum over generations of <c>dotnet_gc_last_collection_heap_size_bytes</c> (0 if absent).</summary>
    public static async Task<MemorySample> ReadAsync(CityPlatform platform)
    {
        await SiloGc.CollectAsync(platform);
        var scrape = await platform.SiloMetricsAsync();
        return new MemorySample(
            platform.SiloResidentBytes(), (long)Sum(scrape, "dotnet_gc_last_collection_heap_size_bytes"), Ledgers(scrape),
            (long)(Sum(scrape, "orleans_catalog_activation_created_total") - Sum(scrape, "orleans_catalog_activation_destroyed_total")));
    }

    /// <summary>
    /// Waits until at most <paramref name="left"/> ledgers are active (the bench silo collects idle ledgers
    /// after <see cref="CityOptions.LedgerIdleSeconds"/>), for at most <paramref name="limit"/>; then samples.
    /// </summary>
    public static async Task<MemorySample> ReadIdleAsync(CityPlatform platform, long left, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < limit && Ledgers(await platform.SiloMetricsAsync()) > left)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        return await ReadAsync(platform);
    }

    private static long Ledgers(string scrape) => (long)(Sum(scrape, "orleans_catalog_activation_created_total", Ledger) - Sum(scrape, "orleans_catalog_activation_destroyed_total", Ledger));

    /// <summary>The sum of every series of a metric in a Prometheus text scrape (lines: name{labels} value [timestamp]).</summary>
    public static double Sum(string scrape, string metric, string label = "") =>
        scrape.Split('\n')
            .Where(l => l.StartsWith(metric, StringComparison.Ordinal) && l.Length > metric.Length && l[metric.Length] is ' ' or '{')
            .Where(l => l.Contains(label, StringComparison.Ordinal))
            .Sum(l => double.Parse(
                l[(l[metric.Length] == '{' ? l.IndexOf('}', StringComparison.Ordinal) + 1 : metric.Length)..].Trim().Split(' ')[0],
                CultureInfo.InvariantCulture));
}
