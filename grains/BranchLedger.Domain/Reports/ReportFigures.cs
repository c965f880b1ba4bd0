namespace BranchLedger.Domain.Reports;

/// <summary>Every figure of one year's annual report, plus the year's self-assessment in reading order.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Figures">One figure per key of <see cref="ReportFigureKeys"/>, in a fixed order.</param>
/// <param name="SelfAssessment">The year's entries, ordered by section, then order, then node and sequence.</param>
public sealed record ReportFigures(int Year, IReadOnlyList<ReportFigure> Figures, IReadOnlyList<SelfAssessmentFact> SelfAssessment)
{
    /// <summary>The figure with <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">when no figure has that key.</exception>
    public ReportFigure this[string key] =>
        Figures.FirstOrDefault(f => f.Key == key) ?? throw new KeyNotFoundException($"no report figure '{key}'");
}
