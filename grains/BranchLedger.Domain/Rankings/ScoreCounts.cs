namespace BranchLedger.Domain.Rankings;

/// <summary>
/// A multiset of scores as exact counts per distinct value (hundredths), on a scale from 0 to
/// <see cref="Scale"/>. Shards send these instead of their quantiles: quantiles cannot be merged,
/// counts add up exactly, and there are at most 10,001 distinct totals whatever the branch count.
/// </summary>
public sealed class ScoreCounts
{
    /// <summary>The scale of totals: 100 points, in hundredths.</summary>
    public const long TotalScale = 10_000;

    /// <summary>The quantiles every distribution reports: p10, p25, p50 (median), p75, p90.</summary>
    public static readonly IReadOnlyList<double> StandardQuantiles = [0.10, 0.25, 0.50, 0.75, 0.90];

    /// <summary>Builds counts from distinct ascending values and their counts (as <see cref="Values"/>, <see cref="Counts"/>).</summary>
    public ScoreCounts(IReadOnlyList<long> values, IReadOnlyList<int> counts, long scale)
    {
        if (values.Count != counts.Count)
        {
            throw new ArgumentException("every value needs its count", nameof(counts));
        }

        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] <= values[i - 1])
            {
                throw new ArgumentException("values must be distinct and ascending", nameof(values));
            }
        }

        Values = values;
        Counts = counts;
        Scale = scale;
        long total = 0;
        foreach (var count in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count, nameof(counts));
            total += count;
        }

        Count = total;
    }

    /// <summary>The distinct scores in hundredths, ascending.</summary>
    public IReadOnlyList<long> Values { get; }

    /// <summary>How many entries have each value.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>The top of the scale in hundredths: 10,000 for totals; an indicator's largest maximum points.</summary>
    public long Scale { get; }

    /// <summary>The number of scores.</summary>
    public long Count { get; }

    /// <summary>Counts the scores (hundredths, any order).</summary>
    public static ScoreCounts Of(IEnumerable<long> scores, long scale)
    {
        var sorted = new SortedDictionary<long, int>();
        foreach (var score in scores)
        {
            sorted[score] = sorted.GetValueOrDefault(score) + 1;
        }

        return new ScoreCounts([.. sorted.Keys], [.. sorted.Values], scale);
    }

    /// <summary>Adds up several shards' counts; the scale is the largest of theirs.</summary>
    public static ScoreCounts Merge(IEnumerable<ScoreCounts> parts)
    {
        var sorted = new SortedDictionary<long, int>();
        long scale = 0;
        foreach (var part in parts)
        {
            scale = Math.Max(scale, part.Scale);
            for (var i = 0; i < part.Values.Count; i++)
            {
                sorted[part.Values[i]] = sorted.GetValueOrDefault(part.Values[i]) + part.Counts[i];
            }
        }

        return new ScoreCounts([.. sorted.Keys], [.. sorted.Values], scale);
    }

    /// <summary>
    /// The <paramref name="p"/>-quantile (0–1) by linear interpolation between closest ranks — the
    /// "R-7" method of R and NumPy's default, Excel's PERCENTILE.INC: with the n scores sorted
    /// ascending as x[0..n-1] and h = (n − 1)·p, it is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
    /// Rounded to two decimals; null when there are no scores.
    /// </summary>
    public double? Quantile(double p)
    {
        if (p is < 0 or > 1 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "must be between 0 and 1");
        }

        if (Count == 0)
        {
            return null;
        }

        var h = (Count - 1) * p;
        var below = (long)Math.Floor(h);
        var low = NthSmallest(below);
        var high = below + 1 < Count ? NthSmallest(below + 1) : low;
        var value = low + ((h - below) * (high - low));
        return Math.Round(value / 100.0, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// A histogram of <paramref name="bins"/> equal bins from 0 to <see cref="Scale"/>: each bin holds
    /// [lower, upper) except the last, which also holds the top of the scale (for totals: 0–10,
    /// 10–20, …, 90–100 inclusive). Scores outside the scale count in the nearest end bin.
    /// </summary>
    public IReadOnlyList<HistogramBin> Histogram(int bins = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var counts = new long[bins];
        for (var i = 0; i < Values.Count; i++)
        {
            counts[BinOf(Values[i], bins)] += Counts[i];
        }

        var result = new HistogramBin[bins];
        for (var b = 0; b < bins; b++)
        {
            result[b] = new HistogramBin(
                Hundredths.ToScore(Scale * b / bins), Hundredths.ToScore(Scale * (b + 1) / bins), b == bins - 1, counts[b]);
        }

        return result;
    }

    private int BinOf(long value, int bins)
    {
        if (Scale <= 0 || value >= Scale)
        {
            return bins - 1;
        }

        return value <= 0 ? 0 : (int)(value * bins / Scale);
    }

    // The score at 0-based position n of the ascending multiset.
    private long NthSmallest(long n)
    {
        long seen = 0;
        for (var i = 0; i < Values.Count; i++)
        {
            seen += Counts[i];
            if (n < seen)
            {
                return Values[i];
            }
        }

        throw new ArgumentOutOfRangeException(nameof(n), n, "beyond the last score");
    }
}
