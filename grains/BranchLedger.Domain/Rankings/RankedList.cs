namespace BranchLedger.Domain.Rankings;

/// <summary>
/// Searches over a list of <see cref="Ranked"/> kept in ranking order (best first). Every search is a
/// binary search, so a rank or a page start costs O(log n) however long the list is.
/// </summary>
public static class RankedList
{
    /// <summary>How many entries rank strictly ahead of <paramref name="position"/>.</summary>
    public static int CountBefore(IReadOnlyList<Ranked> list, RankPosition position)
    {
        int low = 0, high = list.Count;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (list[mid].Position < position)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>How many entries rank ahead of <paramref name="position"/> or at it.</summary>
    public static int CountThrough(IReadOnlyList<Ranked> list, RankPosition position)
    {
        var before = CountBefore(list, position);
        return before < list.Count && list[before].Position == position ? before + 1 : before;
    }

    /// <summary>How many entries have a score strictly lower than <paramref name="score"/> (hundredths).</summary>
    public static int CountLower(IReadOnlyList<Ranked> list, long score)
    {
        // Scores fall along the list; find the first one below the given score.
        int low = 0, high = list.Count;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (list[mid].Position.Score >= score)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return list.Count - low;
    }

    /// <summary>
    /// Up to <paramref name="count"/> entries that rank after <paramref name="after"/> (from the top
    /// when null) and pass the filter, in order. A cursor instead of an offset makes a deep page as
    /// cheap as the first and keeps pages from repeating or skipping entries when others move.
    /// </summary>
    /// <returns>The entries, and how many entries rank ahead of or at the cursor.</returns>
    public static (IReadOnlyList<Ranked> Items, int Skipped) Page(
        IReadOnlyList<Ranked> list, RankPosition? after, int count, Func<RankingEntry, bool>? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var start = after is { } cursor ? CountThrough(list, cursor) : 0;
        var items = new List<Ranked>(Math.Min(count, Math.Max(0, list.Count - start)));
        for (var i = start; i < list.Count && items.Count < count; i++)
        {
            if (filter is null || filter(list[i].Entry))
            {
                items.Add(list[i]);
            }
        }

        return (items, start);
    }

    /// <summary>Entries from <paramref name="offset"/> (0-based), at most <paramref name="count"/>.</summary>
    public static IReadOnlyList<Ranked> Top(IReadOnlyList<Ranked> list, int offset, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var items = new List<Ranked>(Math.Max(0, Math.Min(count, list.Count - offset)));
        for (var i = offset; i < list.Count && items.Count < count; i++)
        {
            items.Add(list[i]);
        }

        return items;
    }
}
