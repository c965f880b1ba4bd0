namespace BranchLedger.Domain.Scoring;

/// <summary>A measure's value for one node and period, before any rule turns it into points.</summary>
/// <param name="Status">Scored, or why the measure has nothing to say.</param>
/// <param name="Numerator">Met, on time, covered, counted or missed.</param>
/// <param name="Denominator">For rates: judged; null for counts.</param>
/// <param name="Sequences">The records behind the numerator.</param>
/// <param name="Misses">What was judged and not met.</param>
internal sealed record MeasureResult(
    IndicatorStatus Status, int Numerator, int? Denominator, IReadOnlyList<long> Sequences, IReadOnlyList<string> Misses)
{
    public static MeasureResult Not(IndicatorStatus status) => new(status, 0, null, [], []);

    public static MeasureResult Rate(int numerator, int denominator, IEnumerable<long> sequences, IEnumerable<string> misses) =>
        denominator == 0
            ? Not(IndicatorStatus.NothingToJudge)
            : new(IndicatorStatus.Scored, numerator, denominator, Distinct(sequences), misses.ToList());

    public static MeasureResult Count(int count, IEnumerable<long> sequences, IEnumerable<string> misses) =>
        new(IndicatorStatus.Scored, count, null, Distinct(sequences), misses.ToList());

    private static List<long> Distinct(IEnumerable<long> sequences) => sequences.Distinct().Order().ToList();
}
