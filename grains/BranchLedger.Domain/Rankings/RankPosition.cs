namespace BranchLedger.Domain.Rankings;

/// <summary>
/// A place in a ranking, and the ranking order itself. The order is total: higher score first; equal
/// scores by tenant id, then by node id, both ascending by ordinal (byte-wise) comparison. So two
/// branches never share a rank, and every shard, merge and page agrees on the same order.
/// </summary>
/// <param name="Score">The score in whole hundredths (<see cref="Hundredths"/>).</param>
/// <param name="Tenant">The tenant id.</param>
/// <param name="NodeId">The node id.</param>
public readonly record struct RankPosition(long Score, string Tenant, string NodeId) : IComparable<RankPosition>
{
    /// <summary>Negative when this position ranks ahead of <paramref name="other"/>.</summary>
    public int CompareTo(RankPosition other)
    {
        var byScore = other.Score.CompareTo(Score);
        if (byScore != 0)
        {
            return byScore;
        }

        var byTenant = string.CompareOrdinal(Tenant, other.Tenant);
        return byTenant != 0 ? byTenant : string.CompareOrdinal(NodeId, other.NodeId);
    }

    /// <summary>True when <paramref name="left"/> ranks ahead of <paramref name="right"/>.</summary>
    public static bool operator <(RankPosition left, RankPosition right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> ranks behind <paramref name="right"/>.</summary>
    public static bool operator >(RankPosition left, RankPosition right) => left.CompareTo(right) > 0;

    /// <summary>True unless <paramref name="left"/> ranks behind <paramref name="right"/>.</summary>
    public static bool operator <=(RankPosition left, RankPosition right) => left.CompareTo(right) <= 0;

    /// <summary>True unless <paramref name="left"/> ranks ahead of <paramref name="right"/>.</summary>
    public static bool operator >=(RankPosition left, RankPosition right) => left.CompareTo(right) >= 0;
}
