namespace BranchLedger.Domain.Scoring;

/// <summary>
/// One indicator on a score sheet, explained: the raw value, how it was formed, the points and the
/// records behind it. Not-assessable indicators have 0 points and do not count in the total.
/// </summary>
/// <param name="IndicatorId">The indicator's id.</param>
/// <param name="CategoryId">Its category's id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Measure">Its measure id.</param>
/// <param name="Kind">Rate, count or miss count.</param>
/// <param name="Rule">Its scoring rule.</param>
/// <param name="Status">Scored, or why not.</param>
/// <param name="RawValue">Numerator / Denominator for a rate (0–1), the count otherwise; 0 when not scored.</param>
/// <param name="Numerator">What was met, on time, covered or counted (for a miss count: the misses).</param>
/// <param name="Denominator">For a rate: what was judged (periods, items, pairs); null for counts.</param>
/// <param name="Target">The indicator's target (null for deductions).</param>
/// <param name="Points">Points earned, 0 … <paramref name="MaxPoints"/>, rounded to 2 decimals (half away from zero).</param>
/// <param name="MaxPoints">The indicator's weight.</param>
/// <param name="Sequences">Ledger records behind <paramref name="Numerator"/>, ascending and distinct: the records of met periods, on-time items, covered pairs and counted outcomes — or of the overdue items for a miss count.</param>
/// <param name="Misses">What was judged and not met: "rule-id@period" for obligations, duty or finding ids, never people's names.</param>
public sealed record IndicatorScore(
    string IndicatorId,
    string CategoryId,
    string Name,
    string Measure,
    MeasureKind Kind,
    ScoringRule Rule,
    IndicatorStatus Status,
    double RawValue,
    int Numerator,
    int? Denominator,
    decimal? Target,
    decimal Points,
    decimal MaxPoints,
    IReadOnlyList<long> Sequences,
    IReadOnlyList<string> Misses)
{
    /// <summary>True when the indicator was scored and its weight counts in the total.</summary>
    public bool Assessable => Status == IndicatorStatus.Scored;
}
