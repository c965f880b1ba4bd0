namespace BranchLedger.Domain.Rankings;

/// <summary>
/// Merges shards' pages into one ranking. Every shard's list is already in ranking order and the
/// order is total (no two entries share a position), so a k-way merge gives exactly the order a
/// single sorted list of all entries would.
/// </summary>
public static class RankingMerge
{
    /// <summary>
    /// Skips <paramref name="skip"/> merged items and returns the next <paramref name="take"/>.
    /// Each list must hold at least its first skip + take items (or all it has) for the result to be exact.
    /// Costs O((skip + take) · log k) for k lists.
    /// </summary>
    public static IReadOnlyList<T> Merge<T>(IReadOnlyList<IReadOnlyList<T>> lists, Func<T, RankPosition> positionOf, int skip, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        var heads = new PriorityQueue<(int List, int Index), RankPosition>(lists.Count);
        for (var l = 0; l < lists.Count; l++)
        {
            if (lists[l].Count > 0)
            {
                heads.Enqueue((l, 0), positionOf(lists[l][0]));
            }
        }

        var result = new List<T>(take);
        var passed = 0;
        while (result.Count < take && heads.TryDequeue(out var head, out _))
        {
            var list = lists[head.List];
            if (passed++ >= skip)
            {
                result.Add(list[head.Index]);
            }

            if (head.Index + 1 < list.Count)
            {
                heads.Enqueue((head.List, head.Index + 1), positionOf(list[head.Index + 1]));
            }
        }

        return result;
    }
}
