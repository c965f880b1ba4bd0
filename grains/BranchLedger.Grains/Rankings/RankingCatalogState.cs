namespace BranchLedger.Grains.Rankings;

/// <summary>What the ranking catalog persists: the serving rubric version and every version's shard count.</summary>
[GenerateSerializer, Alias("branchledger.state.RankingCatalog.v1")]
public sealed class RankingCatalogState
{
    /// <summary>The rubric version reads use; null before the first registration.</summary>
    [Id(0)] public string? ServingVersion { get; set; }

    /// <summary>Rubric version → its city shard count, fixed at registration.</summary>
    [Id(1)] public Dictionary<string, int> CityShards { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The city shard count of versions registered from now on.</summary>
    [Id(2)] public int DefaultCityShards { get; set; } = Contracts.Rankings.RankingKeys.DefaultCityShards;
}
