namespace BranchLedger.Domain.Rankings;

/// <summary>
/// Where one score stands among a ranking's entries, summed over any number of shards: a rank is
/// the count of entries ranking ahead plus one, a percentile needs only the counts below and in all.
/// </summary>
/// <param name="Before">Entries ranking strictly ahead (by score, then by the tie-break).</param>
/// <param name="Lower">Entries with a strictly lower score.</param>
/// <param name="Count">Entries in the ranking.</param>
public readonly record struct Standing(int Before, int Lower, int Count)
{
    /// <summary>The 1-based rank of an entry at this place.</summary>
    public int Rank => Before + 1;

    /// <summary>
    /// The percentile rank: the share of the ranking's entries whose score is strictly lower, in
    /// percent, rounded to two decimals (0 for the lowest score or an empty ranking; the best of
    /// 1,000 distinct scores gets 99.9). Ties share a percentile, unlike ranks.
    /// </summary>
    public double Percentile => Count == 0 ? 0 : Math.Round(100.0 * Lower / Count, 2, MidpointRounding.AwayFromZero);

    /// <summary>The standing of <paramref name="position"/> in one list.</summary>
    public static Standing In(IReadOnlyList<Ranked> list, RankPosition position) =>
        new(RankedList.CountBefore(list, position), RankedList.CountLower(list, position.Score), list.Count);

    /// <summary>Adds the standings of the same position in several shards.</summary>
    public static Standing Sum(IEnumerable<Standing> parts)
    {
        int before = 0, lower = 0, count = 0;
        foreach (var part in parts)
        {
            before += part.Before;
            lower += part.Lower;
            count += part.Count;
        }

        return new Standing(before, lower, count);
    }
}
