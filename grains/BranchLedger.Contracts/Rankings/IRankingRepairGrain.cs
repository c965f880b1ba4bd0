namespace BranchLedger.Contracts.Rankings;

/// <summary>
/// Puts back what the rankings lost with a silo (key <see cref="RankingKeys.Catalog"/>). A silo that
/// dies takes with it the ranking shards it hosted (they reactivate elsewhere from their last
/// snapshot, up to a couple of minutes old), the pushes its ingress had queued and the scores its
/// ledgers had not pushed yet. Ranking state is derived, so the repair has every open branch score
/// itself and push again — into the live shards, without clearing them: reads keep being answered
/// meanwhile, and each branch's newest score wins.
/// </summary>
public interface IRankingRepairGrain : IGrainWithStringKey
{
    /// <summary>
    /// A silo was declared dead without shutting down. Idempotent per silo: every surviving silo
    /// reports the same loss, and one repair runs (a loss during a repair starts another afterwards).
    /// </summary>
    Task SiloLost(string silo);

    /// <summary>The latest repair, or null when none ran in this activation.</summary>
    Task<RankingRepairStatus?> GetStatus();
}

/// <summary>How far a repair is.</summary>
/// <param name="Silo">The lost silo it was started for.</param>
/// <param name="Total">Branches to push again.</param>
/// <param name="Done">Branches that pushed.</param>
/// <param name="Failed">Branches whose push failed (logged; the next write or the daily refresh pushes them).</param>
/// <param name="StartedAt">When the repair started.</param>
/// <param name="CompletedAt">When every push was flushed to the shards; null while running.</param>
[GenerateSerializer, Immutable, Alias("branchledger.rankings.RankingRepairStatus")]
public sealed record RankingRepairStatus(
    [property: Id(0)] string Silo,
    [property: Id(1)] int Total,
    [property: Id(2)] int Done,
    [property: Id(3)] int Failed,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] DateTimeOffset? CompletedAt);
