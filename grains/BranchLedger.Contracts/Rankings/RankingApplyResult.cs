namespace BranchLedger.Contracts.Rankings;

/// <summary>What a batch did to a shard.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.rankings.RankingApplyResult")]
public sealed record RankingApplyResult(
    [property: Id(0)] int Added,
    [property: Id(1)] int Replaced,
    [property: Id(2)] int Stale,
    [property: Id(3)] int Withdrawn);
