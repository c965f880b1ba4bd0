using BranchLedger.Domain.Rankings;

namespace BranchLedger.Contracts.Rankings;

/// <summary>A branch's full score and its standing by total in the shard that holds it.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.rankings.ShardLocation")]
public sealed record ShardLocation(
    [property: Id(0)] BranchScore Score,
    [property: Id(1)] int Before,
    [property: Id(2)] int Lower,
    [property: Id(3)] int Count)
{
    /// <summary>The standing in this shard.</summary>
    public Standing Standing => new(Before, Lower, Count);

    /// <summary>The branch's place in the ranking by total.</summary>
    public RankingCursor Probe => new(Hundredths.Of(Score.Total), Score.Tenant, Score.NodeId);
}
