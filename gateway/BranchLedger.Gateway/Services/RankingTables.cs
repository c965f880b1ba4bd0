using System.Globalization;
using BranchLedger.Api.V1;
using BranchLedger.Reports;

namespace BranchLedger.Gateway.Services;

/// <summary>Ranking answers laid out as export tables with Chinese headers.</summary>
internal static class RankingTables
{
    public static ExportTable Ranking(IReadOnlyList<RankedBranch> rows, LedgerLabels l)
    {
        var byIndicator = rows.Any(r => r.Indicator is not null);
        string[] fields = byIndicator
            ? ["rank", "tenant", "tenant_id", "node_id", "branch", "score", "grade", "indicator", "raw", "points", "max_points", "computed_at"]
            : ["rank", "tenant", "tenant_id", "node_id", "branch", "score", "grade", "computed_at"];
        return new ExportTable("排名", [.. fields.Select(l.Column)], rows.Select(r => (IReadOnlyList<object?>)(byIndicator
            ? [r.Rank, r.TenantName, r.TenantId, r.NodeId, r.DisplayName, r.Total, r.Grade, r.Indicator?.IndicatorId, r.Indicator?.Raw, r.Indicator?.Points, r.Indicator?.MaxPoints, At(r)]
            : [r.Rank, r.TenantName, r.TenantId, r.NodeId, r.DisplayName, r.Total, r.Grade, At(r)])));
    }

    /// <summary>The branches side by side, then the indicator table (one row per indicator, points per branch).</summary>
    public static IReadOnlyList<ExportTable> Comparison(CompareBranchesResponse compared, LedgerLabels l)
    {
        string[] fields = ["tenant", "tenant_id", "node_id", "branch", "ranked", "score", "grade", "rank", "ranked_count", "percentile"];
        var branches = new ExportTable("对比", [.. fields.Select(l.Column)], compared.Branches.Select(b => (IReadOnlyList<object?>)
            [b.TenantName, b.TenantId, b.NodeId, b.DisplayName, l.Of(b.Ranked), b.Ranked ? b.Total : null, b.Grade, b.City?.Rank, b.City?.RankedCount, b.City?.Percentile]));
        var headers = new List<string> { l.Column("indicator") };
        headers.AddRange(compared.Branches.Select(b => $"{(b.DisplayName.Length > 0 ? b.DisplayName : b.NodeId)} {l.Column("points")}"));
        var indicators = new ExportTable("指标", headers, compared.Indicators.Select(row => (IReadOnlyList<object?>)
            [row.IndicatorId, .. row.Cells.Select(c => c.Present ? (object?)c.Points : null)]));
        return [branches, indicators];
    }

    private static string At(RankedBranch r) =>
        r.ComputedAt is null ? "" : r.ComputedAt.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
