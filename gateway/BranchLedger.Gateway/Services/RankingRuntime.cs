using System.Runtime.CompilerServices;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// The ranking reader and watch feeds of one cluster client, shared by every RankingService call.
/// gRPC services are created per call, and the API host's service registrations belong to the
/// hosting code, so these live beside the cluster client they read through (one per client, gone
/// with it) instead of in the container.
/// </summary>
internal sealed class RankingRuntime
{
    private static readonly ConditionalWeakTable<IGrainFactory, RankingRuntime> ByCluster = new();

    private RankingRuntime(IGrainFactory grains, TimeProvider clock, ILogger logger)
    {
        Reader = new RankingReader(grains, new RankingCatalogCache(grains, clock));
        Watches = new RankingWatchHub(Reader, clock, logger);
        Names = new TenantNames(grains, clock);
    }

    public RankingReader Reader { get; }

    public RankingWatchHub Watches { get; }

    public TenantNames Names { get; }

    public static RankingRuntime For(IGrainFactory grains, TimeProvider clock, ILogger logger) =>
        ByCluster.GetValue(grains, g => new RankingRuntime(g, clock, logger));
}
