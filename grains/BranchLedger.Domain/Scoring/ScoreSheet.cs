using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;

namespace BranchLedger.Domain.Scoring;

/// <summary>
/// The score of one node for one period under one rubric version, with every indicator explained.
/// <see cref="Total"/> = round(100 × <see cref="EarnedPoints"/> / <see cref="AssessableWeight"/>, 2): the
/// assessable weights are re-normalised to 100 (see <see cref="Scorer.Score"/>).
/// </summary>
/// <param name="RubricId">The rubric's id.</param>
/// <param name="RubricVersion">The rubric version scored against.</param>
/// <param name="Period">The month, quarter or year.</param>
/// <param name="Today">The day it was computed for.</param>
/// <param name="Scope">Branch or organisation.</param>
/// <param name="Total">0–100, 2 decimals; null when no indicator was assessable.</param>
/// <param name="Grade">The band of <paramref name="Total"/>; null when there is no total.</param>
/// <param name="EarnedPoints">The sum of the assessable indicators' (rounded) points.</param>
/// <param name="AssessableWeight">The sum of the assessable indicators' weights (100 when all are assessable).</param>
/// <param name="Categories">Subtotals, in rubric order.</param>
/// <param name="Indicators">Every indicator of the rubric, in rubric order, assessable or not.</param>
public sealed record ScoreSheet(
    string RubricId,
    int RubricVersion,
    Period Period,
    DateOnly Today,
    ObligationScope Scope,
    decimal? Total,
    GradeBand? Grade,
    decimal EarnedPoints,
    decimal AssessableWeight,
    IReadOnlyList<CategoryScore> Categories,
    IReadOnlyList<IndicatorScore> Indicators)
{
    /// <summary>True when at least one indicator was assessable, so there is a total.</summary>
    public bool Assessable => Total is not null;
}
