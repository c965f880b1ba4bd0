namespace BranchLedger.Contracts.Rankings;

/// <summary>What the ingress sends one shard in one go: the debounced scores and withdrawals.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.rankings.RankingBatch")]
public sealed record RankingBatch(
    [property: Id(0)] IReadOnlyList<BranchScore> Scores,
    [property: Id(1)] IReadOnlyList<BranchRemoval> Removals);
