namespace BranchLedger.Bench.Rankings;

/// <summary>Everything one run measured; written as JSON next to the Markdown report.</summary>
internal sealed record RankingsResults
{
    public required RunFacts Run { get; init; }
    public required CityFacts City { get; init; }
    public required FreshnessSummary Freshness { get; init; }
    public required BaselineFacts Baselines { get; init; }
    public required IReadOnlyList<ReadLevel> Reads { get; init; }
    public required IReadOnlyList<FreshnessSample> Samples { get; init; }
}

internal sealed record RunFacts(
    string StartedUtc,
    string Mode,
    int Cores,
    double MemoryGiB,
    string Os,
    string Cpu,
    string Runtime,
    bool ServerGc,
    string Orleans,
    string Npgsql,
    string Postgres,
    string PostgresSettings,
    string LoadAverageStart,
    string LoadAverageBeforeMeasuring,
    string LoadAverageEnd,
    double DurationSeconds,
    string Code);

/// <param name="RankingReadySeconds">From the last batch acknowledged until the city ranking of the year held every branch and its shards were quiet.</param>
internal sealed record CityFacts(
    int Tenants,
    int Branches,
    int Records,
    double LoadSeconds,
    double RankingReadySeconds,
    string Today,
    string Period,
    string RubricVersion,
    int CityShards,
    long RankedBranches);

/// <summary>The freshness samples summarised; latencies in ms from the append's acknowledgement.</summary>
internal sealed record FreshnessSummary(
    int Samples,
    int Visible,
    double TargetMs,
    Stats VisibleMs,
    Stats AppendMs,
    Stats YearScoredMs,
    Stats YearToLastScoredMs,
    Stats LastScoredToVisibleMs,
    Stats PollIntervalMs,
    Stats Polls,
    int PeriodsPerWrite,
    int TotalsChanged,
    int TotalsMatchingLedger,
    int TenantShardsCurrent);

/// <param name="LedgerDebounceMs">The ledger's wait before scoring (read from the code under test).</param>
/// <param name="IngressIntervalMs">The ingress' batch interval (read from the code under test).</param>
/// <param name="FloorMs">Their sum: the designed part of freshness when the ingress is idle.</param>
internal sealed record BaselineFacts(
    double LedgerDebounceMs,
    double IngressIntervalMs,
    double FloorMs,
    Stats CatalogCallMs,
    Stats ShardCallMs,
    Stats GetScoreYearMs,
    Stats GetScoreQuarterMs,
    Stats GetScoreMonthMs);
