using BranchLedger.Api.V1;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Domain.Rankings;
using Google.Protobuf.WellKnownTypes;

namespace BranchLedger.Gateway.Services;

/// <summary>Ranking contracts and domain results to RankingService messages.</summary>
internal static class RankingMapping
{
    public static RankedBranch ToMessage(RankingRow row, long rank) => new()
    {
        Rank = rank,
        TenantId = row.Tenant,
        NodeId = row.NodeId,
        DisplayName = row.DisplayName,
        ParentId = row.ParentId,
        Total = row.Total,
        Grade = row.Grade,
        Indicator = row.Indicator is null ? null : ToMessage(row.Indicator),
        ComputedAt = Timestamp.FromDateTimeOffset(row.ComputedAt),
    };

    public static RankedIndicator ToMessage(IndicatorScore indicator) => new()
    {
        IndicatorId = indicator.IndicatorId,
        Raw = indicator.Raw,
        Points = indicator.Points,
        MaxPoints = indicator.MaxPoints,
        Assessable = indicator.Assessable,
    };

    public static RankingStanding ToMessage(Standing standing) => new()
    {
        Rank = standing.Rank,
        RankedCount = standing.Count,
        Percentile = standing.Percentile,
    };

    public static WatchRankingResponse ToWatchResponse(RankingTop top, string rubricVersion)
    {
        var response = new WatchRankingResponse { RankedCount = top.RankedCount, RubricVersion = rubricVersion };
        response.Branches.AddRange(top.Rows.Select(r => ToMessage(r.Row, r.Rank)));
        return response;
    }

    public static GetDistributionResponse ToMessage(ScoreCounts counts, string period, string rubricVersion)
    {
        var response = new GetDistributionResponse { Period = period, RubricVersion = rubricVersion, Count = counts.Count };
        if (counts.Count > 0)
        {
            response.Quantiles.AddRange(ScoreCounts.StandardQuantiles.Select(p => new RankingQuantile { P = p, Value = counts.Quantile(p)!.Value }));
            response.Histogram.AddRange(counts.Histogram().Select(b => new RankingHistogramBin
            {
                Lower = b.Lower, Upper = b.Upper, UpperInclusive = b.UpperInclusive, Count = b.Count,
            }));
        }

        return response;
    }

    public static RankingTenantStanding ToMessage(TenantStats stats, long rank) => new()
    {
        Rank = rank,
        TenantId = stats.Tenant,
        BranchCount = stats.Count,
        MeanTotal = stats.Mean,
        MinTotal = stats.MinTotal,
        MaxTotal = stats.MaxTotal,
        StddevTotal = stats.StdDev,
    };

    /// <summary>The indicator table of a comparison: every indicator any branch has, in order of first appearance, one cell per branch.</summary>
    public static IEnumerable<ComparedIndicatorRow> IndicatorTable(IReadOnlyList<BranchScore?> scores)
    {
        var ids = scores.OfType<BranchScore>().SelectMany(s => s.Indicators.Select(i => i.IndicatorId)).Distinct(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var row = new ComparedIndicatorRow { IndicatorId = id };
            row.Cells.AddRange(scores.Select(s => s?.Indicators.FirstOrDefault(i => i.IndicatorId == id) is { } value
                ? new ComparedIndicatorCell { Present = true, Raw = value.Raw, Points = value.Points, MaxPoints = value.MaxPoints, Assessable = value.Assessable }
                : new ComparedIndicatorCell()));
            yield return row;
        }
    }
}
