using BranchLedger.Domain.Rankings;

namespace BranchLedger.Contracts.Rankings;

/// <summary>Between the wire form of scores and the domain's ranking entries.</summary>
public static class RankingEntries
{
    public static RankingEntry ToEntry(BranchScore score, StringPool pool, IndicatorLayouts layouts)
    {
        var indicators = new IndicatorValue[score.Indicators.Count];
        for (var i = 0; i < indicators.Length; i++)
        {
            var indicator = score.Indicators[i];
            indicators[i] = new IndicatorValue(pool.Intern(indicator.IndicatorId), indicator.Raw, indicator.Points, indicator.MaxPoints, indicator.Assessable);
        }

        return new RankingEntry(
            pool.Card(score.Tenant, score.NodeId, score.DisplayName, score.ParentId),
            score.Total, pool.Intern(score.Grade), indicators, score.Version, score.ComputedAt, layouts);
    }

    public static BranchScore ToScore(RankingEntry entry, string period, string rubricVersion) => new()
    {
        Tenant = entry.Tenant,
        NodeId = entry.NodeId,
        DisplayName = entry.DisplayName,
        ParentId = entry.ParentId,
        Period = period,
        RubricVersion = rubricVersion,
        Total = entry.Total,
        Grade = entry.Grade,
        Indicators = [.. entry.Indicators.Select(ToIndicator)],
        Version = entry.Version,
        ComputedAt = entry.ComputedAt,
    };

    public static RankingRow ToRow(Ranked ranked, string? indicatorId) => new()
    {
        Tenant = ranked.Entry.Tenant,
        NodeId = ranked.Entry.NodeId,
        DisplayName = ranked.Entry.DisplayName,
        ParentId = ranked.Entry.ParentId,
        Total = ranked.Entry.Total,
        Grade = ranked.Entry.Grade,
        Score = Hundredths.ToScore(ranked.Position.Score),
        Indicator = string.IsNullOrEmpty(indicatorId) ? null : ranked.Entry.Indicator(indicatorId) is { } value ? ToIndicator(value) : null,
        ComputedAt = ranked.Entry.ComputedAt,
    };

    private static IndicatorScore ToIndicator(IndicatorValue value) => new()
    {
        IndicatorId = value.IndicatorId,
        Raw = value.Raw,
        Points = value.Points,
        MaxPoints = value.MaxPoints,
        Assessable = value.Assessable,
    };
}
