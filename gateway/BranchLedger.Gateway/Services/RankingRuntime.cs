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
        Clock = clock;
        var renew = TimeSpan.FromSeconds(configuration.GetValue(RenewSetting, 10.0));
        Replica = new RankingReplica(grains, clock, logger, renew, lifetime.ApplicationStopping);
        Reader = new RankingReader(Replica, new RankingCatalogCache(grains, clock));
        Watches = new RankingWatchHub(Reader, clock, logger);
        Names = new TenantNames(grains, clock);
    }

    public TimeProvider Clock { get; }

    public RankingReplica Replica { get; }

    public RankingReader Reader { get; }

    public RankingWatchHub Watches { get; }

    public TenantNames Names { get; }

    /// <summary>
    /// The answer built for a merged page (<see cref="RankingReader.TopAsync"/> hands out the same
    /// object until a shard changes), so a top 50 read by many screens is built once per change.
    /// Kept no longer than tenant names are (<see cref="TenantNames.Freshness"/>), as the answer holds them.
    /// Answers are never changed once cached: gRPC only reads them to send them.
    /// </summary>
    public System.Runtime.CompilerServices.ConditionalWeakTable<RankingTop, BuiltTop> TopAnswers { get; } = new();
}

/// <summary>An answer built for a merged page, with what it was built under.</summary>
internal sealed record BuiltTop(string Listing, string RubricVersion, DateTimeOffset BuiltAt, BranchLedger.Api.V1.ListTopBranchesResponse Response);
