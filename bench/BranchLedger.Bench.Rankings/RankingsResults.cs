namespace BranchLedger.Bench.Rankings;

/// <summary>Everything one run measured; written as JSON next to the Markdown report.</summary>
internal sealed record RankingsResults
{
    public required RunFacts Run { get; init; }
    public required CityFacts City { get; init; }
    public required FreshnessSummary Freshness { get; init; }

    /// <summary>Freshness while other branches write (the ingress' timer running); null when the city had no branches to spare.</summary>
    public required FreshnessSummary? BusyFreshness { get; init; }

    /// <summary>The background writes' rate during <see cref="BusyFreshness"/>.</summary>
    public required double BackgroundWritesPerSecond { get; init; }
    public required BaselineFacts Baselines { get; init; }
    public required IReadOnlyList<ReadLevel> Reads { get; init; }
    public required IReadOnlyList<FreshnessSample> Samples { get; init; }
    public required IReadOnlyList<FreshnessSample> BusySamples { get; init; }
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
    string CpuPressureBeforeMeasuring,
    string CpuPressureEnd,
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
/// <param name="StallMs">A sample whose longest gap between two poll answers exceeds this saw the process stall.</param>
/// <param name="UnstalledVisibleMs">Freshness of the samples without such a stall.</param>
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
    Stats MaxPollGapMs,
    Stats CpuWaitMs,
    Stats GcPauseMs,
    double StallMs,
    int Unstalled,
    Stats UnstalledVisibleMs,
    int PeriodsPerWrite,
    int TotalsChanged,
    int TotalsMatchingLedger,
    int TenantShardsCurrent)
{
    public static FreshnessSummary Of(IReadOnlyList<FreshnessSample> samples, int sampled, double targetMs, double stallMs) => new(
        sampled, samples.Count, targetMs,
        Stats.Of(samples.Select(s => s.VisibleMs)),
        Stats.Of(samples.Select(s => s.AppendMs)),
        Stats.Of(samples.Select(s => s.YearScoredMs)),
        Stats.Of(samples.Select(s => s.YearToLastScoredMs)),
        Stats.Of(samples.Select(s => s.LastScoredToVisibleMs)),
        Stats.Of(samples.Select(s => s.PollIntervalMs)),
        Stats.Of(samples.Select(s => (double)s.Polls)),
        Stats.Of(samples.Select(s => s.MaxPollGapMs)),
        Stats.Of(samples.Select(s => s.CpuWaitMs)),
        Stats.Of(samples.Select(s => s.GcPauseMs)),
        stallMs,
        samples.Count(s => s.MaxPollGapMs <= stallMs),
        Stats.Of(samples.Where(s => s.MaxPollGapMs <= stallMs).Select(s => s.VisibleMs)),
        samples.Count == 0 ? 0 : (int)Stats.Of(samples.Select(s => (double)s.PeriodsPushed)).P50,
        samples.Count(s => Math.Round(s.TotalAfter * 100) != Math.Round(s.TotalBefore * 100)),
        samples.Count(s => Math.Round(s.TotalAfter * 100) == Math.Round(s.LedgerTotal * 100)),
        samples.Count(s => s.TenantShardCurrent));
}

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
