namespace BranchLedger.Domain.Scoring;

/// <summary>
/// An assessment rubric (考核指标体系), one version of it: categories of weighted indicators and the grade
/// bands. Published versions never change; a change is a new version. When it was published is the
/// publisher's record, not part of the rubric. Check it with <see cref="RubricRules.Check"/>.
/// </summary>
/// <param name="Id">Slug naming the rubric across its versions.</param>
/// <param name="Version">1, 2, …</param>
/// <param name="Name">Display name.</param>
/// <param name="Categories">At least one; the weights of all their indicators add up to exactly 100.</param>
/// <param name="GradeBands">Highest first; the last starts at 0, so every total has a grade.</param>
public sealed record Rubric(
    string Id, int Version, string Name, IReadOnlyList<RubricCategory> Categories, IReadOnlyList<GradeBand> GradeBands)
{
    /// <summary>Every indicator, in category order.</summary>
    public IEnumerable<RubricIndicator> Indicators => Categories.SelectMany(c => c.Indicators);

    /// <summary>The band <paramref name="score"/> falls in: the first (highest) whose minimum it reaches; null if none.</summary>
    public GradeBand? GradeOf(decimal score) => Grades.Of(GradeBands, score);
}
