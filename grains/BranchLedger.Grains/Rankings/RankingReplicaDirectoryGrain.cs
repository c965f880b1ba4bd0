using BranchLedger.Contracts.Rankings;

namespace BranchLedger.Grains.Rankings;

/// <summary>
/// The gateways' replica feeds, in memory: lost with the activation, refilled by the gateways'
/// renewals (every few seconds), so a shard activating in between misses at most a feed that then
/// finds the shard's new version at its own next renewal. Kept alive: an idle collection would drop
/// the registrations just when shards reactivate.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class RankingReplicaDirectoryGrain(TimeProvider clock) : Grain, IRankingReplicaDirectoryGrain
{
    private readonly Dictionary<IRankingReplicaObserver, DateTimeOffset> _feeds = [];

    /// <inheritdoc />
    public Task Register(IRankingReplicaObserver feed)
    {
        _feeds[feed] = clock.GetUtcNow();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<IRankingReplicaObserver>> Feeds()
    {
        var now = clock.GetUtcNow();
        foreach (var expired in _feeds.Where(f => now - f.Value > ShardReplicaFeed.Expiry).Select(f => f.Key).ToList())
        {
            _feeds.Remove(expired);
        }

        return Task.FromResult<IReadOnlyList<IRankingReplicaObserver>>([.. _feeds.Keys]);
    }
}
