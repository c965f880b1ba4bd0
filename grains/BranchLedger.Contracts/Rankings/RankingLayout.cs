namespace BranchLedger.Contracts.Rankings;

/// <summary>
/// How one rubric version's rankings are sharded. Fixed when the version is first registered, so
/// pushes and reads always agree; a different shard count takes effect with the next rubric version.
/// </summary>
[GenerateSerializer, Immutable, Alias("branchledger.rankings.RankingLayout")]
public sealed record RankingLayout([property: Id(0)] string RubricVersion, [property: Id(1)] int CityShards)
{
    /// <summary>The keys of the city shards of a period.</summary>
    public IReadOnlyList<string> CityShardKeys(string period) => RankingKeys.CityShards(RubricVersion, period, CityShards);

    /// <summary>The key of a tenant's shard of a period.</summary>
    public string TenantShardKey(string period, string tenant) => RankingKeys.TenantShard(RubricVersion, period, tenant);
}
