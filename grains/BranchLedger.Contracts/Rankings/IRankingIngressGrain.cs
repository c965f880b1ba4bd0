namespace BranchLedger.Contracts.Rankings;

/// <summary>
/// The one entry point of pushes (use <see cref="RankingPush"/>). A stateless worker, so a ledger
/// reaches the one on its own silo without a network hop. It routes each score to its city shard
/// and its tenant shard and debounces: pushes to a shard are gathered for at most 100 ms, only the
/// newest version per branch is kept, and each shard gets one batch.
/// </summary>
/// <remarks>
/// A call returns once the push is queued, not applied: a silo lost within those 100 ms loses the
/// queued pushes, and the next push of those branches (or a rebuild) restores them.
/// </remarks>
public interface IRankingIngressGrain : IGrainWithIntegerKey
{
    /// <summary>Queues a branch's new score.</summary>
    /// <exception cref="ArgumentException">when the score is malformed (see <see cref="RankingChecks"/>).</exception>
    Task Publish(BranchScore score);

    /// <summary>Queues many scores, e.g. a tenant republishing for a rebuild.</summary>
    Task PublishMany(IReadOnlyList<BranchScore> scores);

    /// <summary>Queues a withdrawal.</summary>
    Task Withdraw(BranchRemoval removal);

    /// <summary>Sends everything queued on this silo now and waits until the shards applied it.</summary>
    Task Flush();
}
