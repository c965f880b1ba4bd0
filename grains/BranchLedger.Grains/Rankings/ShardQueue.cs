using BranchLedger.Contracts.Rankings;
using BranchLedger.Domain.Rankings;

namespace BranchLedger.Grains.Rankings;

/// <summary>
/// What the ingress holds for one shard until the next flush: per branch only the newest score or
/// withdrawal, so a burst of writes to one branch becomes one push.
/// </summary>
internal sealed class ShardQueue
{
    private readonly Dictionary<RankingKey, BranchScore> _scores = [];
    private readonly Dictionary<RankingKey, BranchRemoval> _removals = [];

    /// <summary>Failed deliveries so far (the queue is dropped after too many).</summary>
    public int Attempts { get; set; }

    public bool IsEmpty => _scores.Count == 0 && _removals.Count == 0;

    public void Put(BranchScore score)
    {
        var key = new RankingKey(score.Tenant, score.NodeId);
        if ((_scores.TryGetValue(key, out var held) && held.Version >= score.Version)
            || (_removals.TryGetValue(key, out var removal) && removal.Version >= score.Version))
        {
            return;
        }

        _scores[key] = score;
        _removals.Remove(key);
    }

    public void Put(BranchRemoval removal)
    {
        var key = new RankingKey(removal.Tenant, removal.NodeId);
        if ((_scores.TryGetValue(key, out var held) && held.Version > removal.Version)
            || (_removals.TryGetValue(key, out var other) && other.Version >= removal.Version))
        {
            return;
        }

        _removals[key] = removal;
        _scores.Remove(key);
    }

    public void PutAll(ShardQueue other)
    {
        foreach (var score in other._scores.Values)
        {
            Put(score);
        }

        foreach (var removal in other._removals.Values)
        {
            Put(removal);
        }
    }

    /// <summary>The queue in batches of at most <paramref name="size"/> items.</summary>
    public IEnumerable<RankingBatch> Batches(int size)
    {
        foreach (var scores in _scores.Values.Chunk(size))
        {
            yield return new RankingBatch(scores, []);
        }

        foreach (var removals in _removals.Values.Chunk(size))
        {
            yield return new RankingBatch([], removals);
        }
    }
}
