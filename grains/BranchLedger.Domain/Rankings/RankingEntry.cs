namespace BranchLedger.Domain.Rankings;

/// <summary>A branch's score as one ranking (a rubric version, a period) holds it.</summary>
/// <param name="Tenant">The tenant id.</param>
/// <param name="NodeId">The branch's node id.</param>
/// <param name="DisplayName">The branch's name, for search and display.</param>
/// <param name="ParentId">The organisation above it; empty at the root.</param>
/// <param name="Total">0–100; compared at hundredths (see <see cref="Hundredths"/>).</param>
/// <param name="Grade">The rubric's grade for the total.</param>
/// <param name="Indicators">Every indicator's value and points.</param>
/// <param name="Version">Monotonic per branch and period: an older or equal version never replaces a held one.</param>
/// <param name="ComputedAt">When the branch computed it.</param>
public sealed record RankingEntry(
    string Tenant,
    string NodeId,
    string DisplayName,
    string ParentId,
    double Total,
    string Grade,
    IReadOnlyList<IndicatorValue> Indicators,
    long Version,
    DateTimeOffset ComputedAt)
{
    /// <summary>The entry's identity.</summary>
    public RankingKey Key => new(Tenant, NodeId);

    /// <summary>Where the entry stands in the ranking by total.</summary>
    public RankPosition TotalPosition => new(Hundredths.Of(Total), Tenant, NodeId);

    /// <summary>The indicator with that id, if the entry has it (a score holds a few dozen at most).</summary>
    public IndicatorValue? Indicator(string indicatorId)
    {
        foreach (var indicator in Indicators)
        {
            if (string.Equals(indicator.IndicatorId, indicatorId, StringComparison.Ordinal))
            {
                return indicator;
            }
        }

        return null;
    }

    /// <summary>
    /// Where the entry stands in the ranking by one indicator's points, or null when it takes no part
    /// in it (it lacks the indicator, or the indicator is not assessable for it).
    /// </summary>
    public RankPosition? IndicatorPosition(string indicatorId) =>
        Indicator(indicatorId) is { Assessable: true } indicator
            ? new RankPosition(Hundredths.Of(indicator.Points), Tenant, NodeId)
            : null;

    /// <summary>True when the name search matches: the display name or the node id contains the text, ignoring case.</summary>
    public bool NameContains(string text) =>
        DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase)
        || NodeId.Contains(text, StringComparison.OrdinalIgnoreCase);
}
