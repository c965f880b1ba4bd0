namespace BranchLedger.Gateway.Services;

/// <summary>
/// The ranking replicas, reader and watch feeds of this gateway, shared by every RankingService call
/// (gRPC services are created per call): one per gateway, registered by the API hosting.
/// </summary>
internal sealed class RankingRuntime
{
    /// <summary>The setting for how often replicas renew their subscriptions and compare versions (seconds; default 10).</summary>
    public const string RenewSetting = "Rankings:ReplicaRenewSeconds";

    public RankingRuntime(IGrainFactory grains, TimeProvider clock, ILogger<RankingRuntime> logger, IConfiguration configuration, IHostApplicationLifetime lifetime)
    {
        var renew = TimeSpan.FromSeconds(configuration.GetValue(RenewSetting, 10.0));
        Replica = new RankingReplica(grains, clock, logger, renew, lifetime.ApplicationStopping);
        Reader = new RankingReader(Replica, new RankingCatalogCache(grains, clock));
        Watches = new RankingWatchHub(Reader, clock, logger);
        Names = new TenantNames(grains, clock);
    }

    public RankingReplica Replica { get; }

    public RankingReader Reader { get; }

    public RankingWatchHub Watches { get; }

    public TenantNames Names { get; }
}
