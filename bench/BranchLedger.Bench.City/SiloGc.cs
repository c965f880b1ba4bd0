using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace BranchLedger.Bench.City;

/// <summary>
/// Makes the silo run a full, blocking collection, the way heap-snapshot tools do: an EventPipe session
/// that enables the runtime's GCHeapCollect keyword. Without it "heap size after the last GC" is often
/// the figure of a gen0 collection, with every gen2 object that died since still counted.
/// </summary>
internal static class SiloGc
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000;

    /// <summary>Returns once a gen2 collection later than the call has finished (or after 30 s).</summary>
    public static async Task CollectAsync(CityPlatform platform)
    {
        var before = await Gen2CountAsync(platform);
        var client = new DiagnosticsClient(platform.SiloProcessId);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider(RuntimeProvider, EventLevel.Informational, GcKeyword | GcHeapCollectKeyword)], requestRundown: false, circularBufferMB: 16, CancellationToken.None);
        var drain = session.EventStream.CopyToAsync(Stream.Null);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await Gen2CountAsync(platform) <= before && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
        }

        await session.StopAsync(CancellationToken.None);
        await drain;
    }

    private static async Task<double> Gen2CountAsync(CityPlatform platform) =>
        MemorySample.Sum(await platform.SiloMetricsAsync(), "dotnet_gc_collections_total", "gen2");
}
