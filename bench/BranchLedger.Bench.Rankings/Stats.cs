using System.Diagnostics;

namespace BranchLedger.Bench.Rankings;

/// <summary>Order statistics of latencies in milliseconds.</summary>
internal sealed record Stats(int Count, double P50, double P90, double P99, double Min, double Max, double Mean)
{
    public static Stats Of(IEnumerable<double> samples)
    {
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        return sorted.Length == 0
            ? new Stats(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
            : new Stats(sorted.Length, Quantile(sorted, 0.50), Quantile(sorted, 0.90), Quantile(sorted, 0.99), sorted[0], sorted[^1], sorted.Average());
    }

    /// <summary>Linear interpolation between closest ranks (R-7, as Excel and NumPy by default).</summary>
    public static double Quantile(double[] sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}

internal static class Clock
{
    public static double Ms(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;

    public static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    /// <summary>Milliseconds from one wall-clock instant to another (the grains stamp scores with the system clock).</summary>
    public static double Ms(DateTimeOffset from, DateTimeOffset to) => (to - from).TotalMilliseconds;
}
