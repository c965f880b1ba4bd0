namespace BranchLedger.Domain.Scoring;

/// <summary>
/// One grade (好 / 较好 / 一般 / 差): a total of at least <paramref name="MinScore"/> and below the next
/// higher band's minimum earns it. A rubric lists its bands highest first, the last starting at 0.
/// </summary>
/// <param name="Id">Slug, e.g. "good".</param>
/// <param name="Name">Display name, e.g. "好".</param>
/// <param name="MinScore">The lowest total (0–100, inclusive) in the band.</param>
public sealed record GradeBand(string Id, string Name, decimal MinScore);
