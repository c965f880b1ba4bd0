namespace BranchLedger.Domain.Scoring;

/// <summary>
/// One indicator of a rubric. Its weight is the most points it can earn; its measure (see
/// <see cref="Measures"/>) says what is counted; its rule how the count becomes points.
/// </summary>
/// <param name="Id">Slug, unique in the rubric.</param>
/// <param name="Name">Display name, e.g. "三会一课".</param>
/// <param name="Weight">Maximum points (&gt; 0, at most 2 decimal places); a rubric's weights add up to exactly 100.</param>
/// <param name="Measure">A measure id from the closed set in <see cref="Measures"/>.</param>
/// <param name="Rule">How the raw value becomes points.</param>
/// <param name="Target">
/// LinearToTarget: the value that earns the full weight (the cap); Threshold: the value to reach.
/// In (0, 1] for rates, in (0, 1000] for counts. Absent for DeductionPerMiss.
/// </param>
/// <param name="PerMiss">DeductionPerMiss only: points deducted per miss (&gt; 0, ≤ weight).</param>
/// <param name="Floor">DeductionPerMiss only: the fewest points the indicator can fall to (0 when absent; below the weight).</param>
/// <param name="AppliesTo">Branches, organisations or both.</param>
public sealed record RubricIndicator(
    string Id,
    string Name,
    decimal Weight,
    string Measure,
    ScoringRule Rule,
    decimal? Target,
    decimal? PerMiss,
    decimal? Floor,
    IndicatorScope AppliesTo);
