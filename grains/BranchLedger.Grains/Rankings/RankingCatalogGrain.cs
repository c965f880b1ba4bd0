using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Rankings;
using Microsoft.Extensions.Logging;

namespace BranchLedger.Grains.Rankings;

/// <summary>
/// The ranking catalog (see <see cref="IRankingCatalogGrain"/>). Unlike the shards it is not derived —
/// which version serves is a decision — so every change is written before it is acknowledged.
/// </summary>
public sealed class RankingCatalogGrain(
    [PersistentState(stateName: RankingCatalogGrain.StateName, storageName: StorageNames.Ledger)]
    IPersistentState<RankingCatalogState> catalog,
    ILogger<RankingCatalogGrain> logger) : Grain, IRankingCatalogGrain
{
    /// <summary>The state name (unique per grain class).</summary>
    public const string StateName = "ranking-catalog";

    private RankingCatalogState State => catalog.State;

    /// <inheritdoc />
    public async Task<RankingLayout> Register(string rubricVersion)
    {
        CheckVersion(rubricVersion);
        if (State.CityShards.TryGetValue(rubricVersion, out var shards))
        {
            return new RankingLayout(rubricVersion, shards);
        }

        State.CityShards[rubricVersion] = State.DefaultCityShards;
        State.ServingVersion ??= rubricVersion;
        await SaveAsync();
        return new RankingLayout(rubricVersion, State.DefaultCityShards);
    }

    /// <inheritdoc />
    public async Task SetServingVersion(string rubricVersion)
    {
        CheckVersion(rubricVersion);
        if (State.ServingVersion == rubricVersion)
        {
            return;
        }

        State.CityShards.TryAdd(rubricVersion, State.DefaultCityShards);
        State.ServingVersion = rubricVersion;
        await SaveAsync();
    }

    /// <inheritdoc />
    public Task<string?> GetServingVersion() => Task.FromResult(State.ServingVersion);

    /// <inheritdoc />
    public Task<RankingLayout?> GetServingLayout() =>
        Task.FromResult(State.ServingVersion is { } version ? Layout(version) : null);

    /// <inheritdoc />
    public Task<RankingLayout?> GetLayout(string rubricVersion) => Task.FromResult(Layout(rubricVersion));

    /// <inheritdoc />
    public async Task SetDefaultCityShards(int count)
    {
        if (count is < 1 or > RankingKeys.MaxCityShards)
        {
            throw new InvalidCommandException([new FieldError("city_shards", $"must be 1 to {RankingKeys.MaxCityShards}")]);
        }

        if (State.DefaultCityShards != count)
        {
            State.DefaultCityShards = count;
            await SaveAsync();
        }
    }

    private RankingLayout? Layout(string rubricVersion) =>
        State.CityShards.TryGetValue(rubricVersion, out var shards) ? new RankingLayout(rubricVersion, shards) : null;

    private static void CheckVersion(string rubricVersion)
    {
        if (!RankingKeys.IsRubricVersion(rubricVersion))
        {
            throw new InvalidCommandException([new FieldError("rubric_version", "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_', '@' or '-'")]);
        }
    }

    private async Task SaveAsync()
    {
        try
        {
            await catalog.WriteStateAsync();
        }
        catch (Exception ex)
        {
            // Memory now differs from storage: start over from storage on the next call.
            logger.LogError(ex, "Ranking catalog write failed");
            DeactivateOnIdle();
            throw new StorageUnavailableException("The ranking catalog could not be saved; retry.");
        }
    }
}
