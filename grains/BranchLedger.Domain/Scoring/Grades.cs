namespace BranchLedger.Domain.Scoring;

/// <summary>Looks up grade bands.</summary>
public static class Grades
{
    /// <summary>
    /// The first band, in the given (highest first) order, whose minimum <paramref name="score"/> reaches;
    /// null when it reaches none (never for a checked rubric, whose last band starts at 0).
    /// </summary>
    public static GradeBand? Of(IEnumerable<GradeBand> bands, decimal score) =>
        bands.FirstOrDefault(b => score >= b.MinScore);
}
