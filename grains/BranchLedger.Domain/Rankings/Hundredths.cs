namespace BranchLedger.Domain.Rankings;

/// <summary>
/// Scores are compared, counted and aggregated as whole hundredths. Totals are published with two
/// decimals; comparing doubles exactly would let 80.1 and 80.10000000000001 rank apart although
/// they print the same, so every score is rounded (half away from zero) to hundredths first.
/// </summary>
public static class Hundredths
{
    /// <summary>The score in whole hundredths.</summary>
    public static long Of(double value) => (long)Math.Round(value * 100, MidpointRounding.AwayFromZero);

    /// <summary>Whole hundredths back to the score.</summary>
    public static double ToScore(long hundredths) => hundredths / 100.0;
}
