using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Contracts.Scoring;
using BranchLedger.Domain.Scoring;

namespace BranchLedger.Grains.Ledger;

/// <summary>Maps the domain's score sheet to what the API shows and what the rankings keep.</summary>
internal static class ScoreViews
{
    public static ScoreSheetView Of(string versionKey, ScoreSheet sheet) => new()
    {
        RubricVersion = versionKey,
        Period = sheet.Period.ToString(),
        Today = sheet.Today,
        Total = (double?)sheet.Total,
        Grade = sheet.Grade?.Name ?? "",
        Indicators =
        [
            .. sheet.Indicators.Select(i => new IndicatorView
            {
                IndicatorId = i.IndicatorId,
                CategoryId = i.CategoryId,
                Name = i.Name,
                Measure = i.Measure,
                Status = i.Status.ToString(),
                Raw = i.RawValue,
                Numerator = i.Numerator,
                Denominator = i.Denominator,
                Points = (double)i.Points,
                MaxPoints = (double)i.MaxPoints,
                Sequences = i.Sequences,
                Misses = i.Misses,
            }),
        ],
    };

    /// <summary>The few hundred bytes the rankings keep of a sheet; <paramref name="sheet"/> must have a total.</summary>
    public static BranchScore ToBranchScore(ScoreSheet sheet, string versionKey, string tenant, LedgerNode node, long version, DateTimeOffset now) => new()
    {
        Tenant = tenant,
        NodeId = node.NodeId,
        DisplayName = node.Name,
        ParentId = node.ParentId ?? "",
        Period = sheet.Period.ToString(),
        RubricVersion = versionKey,
        Total = (double)sheet.Total!.Value,
        Grade = sheet.Grade?.Name ?? "",
        Indicators =
        [
            .. sheet.Indicators.Select(i => new Contracts.Rankings.IndicatorScore
            {
                IndicatorId = i.IndicatorId,
                Raw = i.RawValue,
                Points = (double)i.Points,
                MaxPoints = (double)i.MaxPoints,
                Assessable = i.Assessable,
            }),
        ],
        Version = version,
        ComputedAt = now,
    };
}
