namespace BranchLedger.Contracts.Rankings;

/// <summary>
/// A gateway's feed of ranking shards (one observer per gateway, for every shard it replicates). The
/// shard awaits each delivery (briefly: <see cref="ShardReplicaFeed.DeliveryTimeout"/>), so when a
/// push is acknowledged by the shard every subscribed gateway holds it; a gateway that does not answer
/// in time is dropped and finds out at its next renewal (<see cref="IRankingShardGrain.Subscribe"/>).
/// </summary>
public interface IRankingReplicaObserver : IGrainObserver
{
    /// <summary>A batch the shard applied, from its version <see cref="ShardDelta.From"/> to <see cref="ShardDelta.To"/>.</summary>
    Task OnDelta(ShardDelta delta);

    /// <summary>
    /// The shard was (re)activated — after idling, a silo's loss, a move — and forgot its subscribers:
    /// a replica of it must fetch it again before serving it.
    /// </summary>
    Task OnActivated(string shardKey);
}

/// <summary>One change of a shard, as its replicas apply it.</summary>
/// <param name="ShardKey">The shard (<see cref="RankingKeys"/>).</param>
/// <param name="From">The shard's version before: a replica at another version has missed something.</param>
/// <param name="To">The shard's version after.</param>
/// <param name="Batch">The batch exactly as the shard applied it (a replica applies it the same way).</param>
/// <param name="Cleared">True when the shard forgot everything first (<see cref="IRankingShardGrain.Reset"/>).</param>
[GenerateSerializer, Immutable, Alias("branchledger.rankings.ShardDelta")]
public sealed record ShardDelta(
    [property: Id(0)] string ShardKey,
    [property: Id(1)] long From,
    [property: Id(2)] long To,
    [property: Id(3)] RankingBatch Batch,
    [property: Id(4)] bool Cleared);

/// <summary>A shard's whole state at one version: what a replica loads when it (re)synchronises.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.rankings.ShardReplicaState")]
public sealed record ShardReplicaState(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<BranchScore> Scores,
    [property: Id(2)] IReadOnlyList<BranchRemoval> Withdrawn);

/// <summary>
/// Where shards find the gateways' feeds when they activate (key <see cref="RankingKeys.Catalog"/>):
/// a reactivated shard has no subscribers, so it tells every registered feed, and the replicas of it
/// resynchronise. Held in memory only; gateways register again at every renewal.
/// </summary>
public interface IRankingReplicaDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Registers (or renews) a gateway's feed; it is forgotten after <see cref="ShardReplicaFeed.Expiry"/> without renewal.</summary>
    Task Register(IRankingReplicaObserver feed);

    /// <summary>Every registered feed.</summary>
    Task<IReadOnlyList<IRankingReplicaObserver>> Feeds();
}

/// <summary>Timing shared by shards and gateways.</summary>
public static class ShardReplicaFeed
{
    /// <summary>How long a shard waits for a gateway to take a delta before dropping it.</summary>
    public static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(2);

    /// <summary>A subscription or registration not renewed for this long is forgotten (gateways renew every 10 s by default).</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);

    /// <summary>Sends to every feed at once, waiting at most <see cref="DeliveryTimeout"/>; returns the feeds that failed.</summary>
    public static async Task<IReadOnlyList<IRankingReplicaObserver>> DeliverAsync(
        IReadOnlyList<IRankingReplicaObserver> feeds, Func<IRankingReplicaObserver, Task> send)
    {
        if (feeds.Count == 0)
        {
            return [];
        }

        var sends = feeds.Select(async feed =>
        {
            try
            {
                await send(feed).WaitAsync(DeliveryTimeout);
                return null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return feed;
            }
        }).ToList();
        var failed = await Task.WhenAll(sends);
        return [.. failed.OfType<IRankingReplicaObserver>()];
    }
}
