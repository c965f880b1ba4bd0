using Orleans.Concurrency;

namespace BranchLedger.Contracts.Rankings;

/// <summary>
/// One shard of one ranking (rubric version, period, scope), keyed by <see cref="RankingKeys"/>: the
/// held scores sorted by total, in memory. Reads never wait on storage or call a branch; the state
/// is derived, so it is written to storage lazily (a snapshot every few seconds while it changes,
/// and on deactivation).
/// </summary>
public interface IRankingShardGrain : IGrainWithStringKey
{
    /// <summary>Applies a batch of scores and withdrawals (older versions are ignored).</summary>
    Task<RankingApplyResult> Apply(RankingBatch batch);

    /// <summary>A counter that changes with every change of the shard (also across reactivations).</summary>
    [ReadOnly]
    Task<long> GetVersion();

    /// <summary>A page of the shard's ranking by total or by one indicator.</summary>
    [ReadOnly]
    Task<ShardPage> Page(ShardPageQuery query);

    /// <summary>The branch's full score and its standing by total in this shard; null when not ranked here.</summary>
    [ReadOnly]
    Task<ShardLocation?> Locate(string tenant, string nodeId);

    /// <summary>Where each probe would stand in this shard's ranking by total (null indicator) or by one indicator.</summary>
    [ReadOnly]
    Task<ShardStandings> Standings(string? indicatorId, IReadOnlyList<RankingCursor> probes);

    /// <summary>The shard's totals (or one indicator's points) as counts per value.</summary>
    [ReadOnly]
    Task<DistributionCounts> Distribution(string? indicatorId);

    /// <summary>Per tenant: count, sum, sum of squares, minimum and maximum of the totals held here.</summary>
    [ReadOnly]
    Task<IReadOnlyList<TenantAggregate>> TenantAggregates();

    /// <summary>
    /// Subscribes (or renews) a gateway's replica feed for this shard. Returns null when the caller's
    /// <paramref name="knownVersion"/> is the shard's version (nothing was missed), else the whole state
    /// at the current version; deltas that follow start from that version.
    /// </summary>
    Task<ShardReplicaState?> Subscribe(IRankingReplicaObserver feed, long knownVersion);

    /// <summary>Ends a gateway's subscription (a replica it no longer reads).</summary>
    Task Unsubscribe(IRankingReplicaObserver feed);

    /// <summary>Forgets every score and withdrawal, in memory and in storage: the first step of a rebuild.</summary>
    Task Reset();
}
