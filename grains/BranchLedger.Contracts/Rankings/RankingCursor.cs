using BranchLedger.Domain.Rankings;

namespace BranchLedger.Contracts.Rankings;

/// <summary>A place in a ranking order (<see cref="RankPosition"/>) on the wire: a page cursor or a probe.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.rankings.RankingCursor")]
public sealed record RankingCursor(
    [property: Id(0)] long Score,
    [property: Id(1)] string Tenant,
    [property: Id(2)] string NodeId)
{
    /// <summary>The domain position.</summary>
    public RankPosition ToPosition() => new(Score, Tenant, NodeId);

    /// <summary>The cursor of a domain position.</summary>
    public static RankingCursor Of(RankPosition position) => new(position.Score, position.Tenant, position.NodeId);
}
