namespace BranchLedger.Domain.Scoring;

/// <summary>A group of indicators, e.g. one area of branch standardisation (组织生活).</summary>
/// <param name="Id">Slug, unique among the rubric's categories.</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">Optional: what the category covers (e.g. which areas were folded into it).</param>
/// <param name="Indicators">At least one.</param>
public sealed record RubricCategory(string Id, string Name, string? Description, IReadOnlyList<RubricIndicator> Indicators);
