using BranchLedger.Api.V1;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Validation;
using Grpc.Core;
using BranchLedger.Domain.Access;
using BranchLedger.Gateway.Security;

namespace BranchLedger.Gateway.Services;

// GetScore: one node's explained score, computed by its ledger from its records.
internal sealed partial class LedgerApi
{
    [RequiresPermission(Permission.TenantRead)]
    public override async Task<GetScoreResponse> GetScore(GetScoreRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("node_id", r.NodeId);
        if (!Period.TryParse(r.Period, out _))
        {
            violations.Add("period", "must be a year (2026), a quarter (2026-Q1) or a month (2026-03)");
        }

        if (r.RubricVersion < 0)
        {
            violations.Add("rubric_version", "must be 0 (the serving version) or a published version");
        }

        CommandChecks.ThrowIfInvalid(violations);
        var sheet = await Ledger(caller, r.NodeId).GetScore(r.Period, r.RubricVersion);
        var response = new GetScoreResponse
        {
            RubricVersion = sheet.RubricVersion,
            Period = sheet.Period,
            AsOf = new Google.Type.Date { Year = sheet.Today.Year, Month = sheet.Today.Month, Day = sheet.Today.Day },
            Grade = sheet.Grade,
        };
        if (sheet.Total is { } total)
        {
            response.Total = total;
        }

        response.Indicators.AddRange(sheet.Indicators.Select(i =>
        {
            var indicator = new ScoredIndicator
            {
                IndicatorId = i.IndicatorId,
                CategoryId = i.CategoryId,
                Name = i.Name,
                Measure = i.Measure,
                Status = ToSnakeUpper(i.Status),
                Raw = i.Raw,
                Numerator = i.Numerator,
                Points = i.Points,
                MaxPoints = i.MaxPoints,
            };
            if (i.Denominator is { } denominator)
            {
                indicator.Denominator = denominator;
            }

            indicator.RecordIds.AddRange(i.Sequences.Select(Contracts.Ledger.LedgerRecord.IdOf));
            indicator.Misses.AddRange(i.Misses);
            return indicator;
        }));
        return response;
    }

    // "NothingToJudge" → "NOTHING_TO_JUDGE", as proto enums read.
    private static string ToSnakeUpper(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
