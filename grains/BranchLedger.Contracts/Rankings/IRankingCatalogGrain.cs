using Orleans.Concurrency;

namespace BranchLedger.Contracts.Rankings;

/// <summary>
/// Which rubric version the rankings serve, and each version's sharding (key <see cref="RankingKeys.Catalog"/>).
/// Reads use the serving version; pushes of any registered version keep their own shards current,
/// so a rescoring fills the next version's shards in the background and is switched on with
/// <see cref="SetServingVersion"/> when it is complete.
/// </summary>
public interface IRankingCatalogGrain : IGrainWithStringKey
{
    /// <summary>
    /// The layout of a rubric version, registering it with the default shard count if new. The first
    /// version ever registered becomes the serving one (until <see cref="SetServingVersion"/>).
    /// </summary>
    Task<RankingLayout> Register(string rubricVersion);

    /// <summary>Serves this rubric version from now on (registering it if new).</summary>
    Task SetServingVersion(string rubricVersion);

    /// <summary>The serving rubric version; null before any push or setting.</summary>
    [ReadOnly]
    Task<string?> GetServingVersion();

    /// <summary>The serving version's layout; null before any push or setting.</summary>
    [ReadOnly]
    Task<RankingLayout?> GetServingLayout();

    /// <summary>A registered version's layout; null when unknown.</summary>
    [ReadOnly]
    Task<RankingLayout?> GetLayout(string rubricVersion);

    /// <summary>The city shard count of versions registered from now on (1 to <see cref="RankingKeys.MaxCityShards"/>).</summary>
    Task SetDefaultCityShards(int count);
}
