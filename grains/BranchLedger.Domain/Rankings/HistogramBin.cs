namespace BranchLedger.Domain.Rankings;

/// <summary>One bin of a histogram: the scores from <paramref name="Lower"/> (inclusive) to <paramref name="Upper"/>.</summary>
/// <param name="Lower">Inclusive lower bound.</param>
/// <param name="Upper">Upper bound, exclusive unless <paramref name="UpperInclusive"/>.</param>
/// <param name="UpperInclusive">True for the last bin, which holds the top of the scale.</param>
/// <param name="Count">How many scores fall in it.</param>
public readonly record struct HistogramBin(double Lower, double Upper, bool UpperInclusive, long Count);
