namespace BranchLedger.Bench.Rankings;

/// <summary>
/// One freshness sample: a 主题党日 recorded for one branch, then its city shard polled until the new
/// score shows. Milliseconds from the acknowledgement of the append unless named otherwise; the
/// "scored" instants are the <c>ComputedAt</c> stamps the ledger put on the scores it pushed (the
/// same system clock as this process).
/// </summary>
/// <param name="AppendMs">The append itself: call to acknowledgement (after PostgreSQL committed).</param>
/// <param name="VisibleMs">Acknowledgement to the first poll answer that held the new score.</param>
/// <param name="YearScoredMs">Acknowledgement to the year's score being computed: the ledger's debounce, its timer, and scoring the year.</param>
/// <param name="LastScoredMs">Acknowledgement to the last of the write's periods being computed (year, quarter, month).</param>
/// <param name="PeriodsPushed">How many of the write's periods (year, quarter, month) reached the city shards.</param>
/// <param name="Polls">Poll calls until visible.</param>
/// <param name="MaxPollGapMs">The longest time between two poll answers: far above ~1 ms, the process was not getting a CPU (or was paused).</param>
/// <param name="CpuWaitMs">How long this process' threads together waited for a CPU from just before the append to visible (run-queue wait).</param>
/// <param name="GcPauseMs">Garbage-collection pauses in the same window.</param>
/// <param name="GetScoreYearMs">A <c>GetScore</c> of the year on this ledger, just before the write (call + rubric lookup + scoring one period).</param>
/// <param name="GetScoreQuarterMs">The same for the quarter.</param>
/// <param name="GetScoreMonthMs">The same for the month.</param>
/// <param name="TotalBefore">The year total the city shard held before.</param>
/// <param name="TotalAfter">The year total that became visible.</param>
/// <param name="LedgerTotal">The year total the ledger's own <c>GetScore</c> gives after the write.</param>
/// <param name="CityRank">The branch's city rank after the write (every shard's standings).</param>
/// <param name="TenantShardCurrent">Whether the tenant shard held the new score too when the city shard did (checked right after).</param>
internal sealed record FreshnessSample(
    int Index,
    string Tenant,
    string Node,
    double AppendMs,
    double VisibleMs,
    double YearScoredMs,
    double LastScoredMs,
    int PeriodsPushed,
    int Polls,
    double MaxPollGapMs,
    double CpuWaitMs,
    double GcPauseMs,
    double GetScoreYearMs,
    double GetScoreQuarterMs,
    double GetScoreMonthMs,
    double TotalBefore,
    double TotalAfter,
    double LedgerTotal,
    int CityRank,
    bool TenantShardCurrent)
{
    /// <summary>From the last period scored to visible: the push call, the ingress' wait for its timer, the shard's apply, and the poll's granularity.</summary>
    public double LastScoredToVisibleMs => VisibleMs - LastScoredMs;

    /// <summary>From the year scored to the last period scored: scoring the quarter and the month.</summary>
    public double YearToLastScoredMs => LastScoredMs - YearScoredMs;

    public double PollIntervalMs => VisibleMs / Math.Max(1, Polls);
}
