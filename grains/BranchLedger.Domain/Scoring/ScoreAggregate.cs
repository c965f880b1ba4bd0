namespace BranchLedger.Domain.Scoring;

/// <summary>
/// The score of an organisation or a tenant as the aggregate of its branches' totals, with the spread.
/// Rule: the unweighted mean of the branches' totals (each branch is one unit of assessment, so a large
/// branch cannot hide a failing small one), branches without a total left out and counted apart. The
/// figures are taken over the totals as published (already rounded to 2 decimals) and rounded again
/// to 2 decimals, half away from zero; the standard deviation is the population one (σ, dividing by
/// the count: these are all the branches, not a sample); the median of an even count is the mean of
/// the two middle totals. The grade is the band of the rounded mean.
/// </summary>
/// <param name="Count">Branches with a total.</param>
/// <param name="NotAssessable">Branches given without a total (nothing assessable).</param>
/// <param name="Mean">Mean of the totals; null when <paramref name="Count"/> is 0 (and so are the other figures).</param>
/// <param name="Median">Median of the totals.</param>
/// <param name="Min">Lowest total.</param>
/// <param name="Max">Highest total.</param>
/// <param name="StandardDeviation">Population standard deviation of the totals.</param>
/// <param name="Grade">The band of <paramref name="Mean"/>.</param>
/// <param name="GradeCounts">How many totals fell in each band, in band order (bands with none included).</param>
public sealed record ScoreAggregate(
    int Count,
    int NotAssessable,
    decimal? Mean,
    decimal? Median,
    decimal? Min,
    decimal? Max,
    decimal? StandardDeviation,
    GradeBand? Grade,
    IReadOnlyList<GradeCount> GradeCounts)
{
    /// <summary>Aggregates branch score sheets scored under <paramref name="rubric"/>.</summary>
    /// <exception cref="ArgumentException">when a sheet was scored under another rubric or version: their totals are not comparable.</exception>
    public static ScoreAggregate Of(IEnumerable<ScoreSheet> sheets, Rubric rubric)
    {
        var list = sheets.ToList();
        if (list.Find(s => s.RubricId != rubric.Id || s.RubricVersion != rubric.Version) is { } other)
        {
            throw new ArgumentException(
                $"a sheet was scored under {other.RubricId} v{other.RubricVersion}, not {rubric.Id} v{rubric.Version}", nameof(sheets));
        }

        return Of(list.Select(s => s.Total), rubric.GradeBands);
    }

    /// <summary>Aggregates branch totals (null: a branch without a total) under the given grade bands (highest first).</summary>
    public static ScoreAggregate Of(IEnumerable<decimal?> totals, IReadOnlyList<GradeBand> bands)
    {
        var all = totals.ToList();
        var values = all.Where(t => t is not null).Select(t => t!.Value).Order().ToList();
        var notAssessable = all.Count - values.Count;
        var counts = CountByBand(values, bands);
        if (values.Count == 0)
        {
            return new ScoreAggregate(0, notAssessable, null, null, null, null, null, null, counts);
        }

        var n = values.Count;
        var exactMean = values.Sum() / n;
        var median = n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
        var variance = values.Sum(v => (v - exactMean) * (v - exactMean)) / n;
        var deviation = (decimal)Math.Sqrt((double)variance);
        var mean = Scorer.Round(exactMean);
        return new ScoreAggregate(
            n, notAssessable, mean, Scorer.Round(median), values[0], values[^1], Scorer.Round(deviation), Grades.Of(bands, mean), counts);
    }

    private static List<GradeCount> CountByBand(List<decimal> values, IReadOnlyList<GradeBand> bands)
    {
        var counts = new int[bands.Count];
        foreach (var value in values)
        {
            for (var i = 0; i < bands.Count; i++)
            {
                if (value >= bands[i].MinScore)
                {
                    counts[i]++;
                    break;
                }
            }
        }

        return bands.Select((b, i) => new GradeCount(b.Id, b.Name, counts[i])).ToList();
    }
}
