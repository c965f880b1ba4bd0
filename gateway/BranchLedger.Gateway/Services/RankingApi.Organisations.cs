using BranchLedger.Api.V1;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Contracts.Scoring;
using BranchLedger.Domain.Scoring;
using BranchLedger.Domain.Validation;
using Grpc.Core;
using BranchLedger.Domain.Access;
using BranchLedger.Gateway.Security;

namespace BranchLedger.Gateway.Services;

// GetOrganisationScore: aggregated from the tenant's ranking shard, never from the ledgers.
internal sealed partial class RankingApi
{
    [RequiresPermission(Permission.TenantRead)]
    public override async Task<GetOrganisationScoreResponse> GetOrganisationScore(GetOrganisationScoreRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("node_id", r.NodeId);
        RankingRequests.Period(violations, "period", r.Period);
        CommandChecks.ThrowIfInvalid(violations);
        await RequireNodeAsync(caller, r.NodeId);

        var response = new GetOrganisationScoreResponse { NodeId = r.NodeId, Period = r.Period };
        if (await Reader.ServingLayoutAsync() is not { } layout)
        {
            return response;
        }

        // A tenant holds hundreds of branches at most: its whole ranking is read, best first.
        var rows = new List<(RankingRow Row, long Rank)>();
        RankingCursor? after = null;
        while (true)
        {
            var page = await Reader.TopAsync(layout, new RankingView(r.Period, caller.Tenant, null), after, ShardPageQuery.MaxCount - 1);
            rows.AddRange(page.Rows.Where(x => x.Row.ParentId == r.NodeId));
            if (!page.HasMore || page.Rows.Count == 0)
            {
                break;
            }

            after = RankingCursor.Of(page.Rows[^1].Row.Position);
        }

        var aggregate = ScoreAggregate.Of(rows.Select(x => (decimal?)(decimal)x.Row.Total), await GradeBandsAsync(layout.RubricVersion));
        response.RubricVersion = layout.RubricVersion;
        response.BranchCount = aggregate.Count;
        if (aggregate.Mean is { } mean)
        {
            response.Mean = (double)mean;
            response.Min = (double)aggregate.Min!.Value;
            response.Max = (double)aggregate.Max!.Value;
            response.Median = (double)aggregate.Median!.Value;
            response.StandardDeviation = (double)aggregate.StandardDeviation!.Value;
            response.Grade = aggregate.Grade?.Name ?? "";
        }

        response.Branches.AddRange(rows.Select(x => RankingMapping.ToMessage(x.Row, x.Rank)));
        return response;
    }

    // The grade bands of the rubric version the ranking serves ("{rubric}@{n}").
    private async Task<IReadOnlyList<GradeBand>> GradeBandsAsync(string versionKey)
    {
        var at = versionKey.LastIndexOf('@');
        var version = at > 0 && int.TryParse(versionKey.AsSpan(at + 1), out var n) ? n : 0;
        var published = await grains.GetGrain<IRubricGrain>(CityKeys.City).Get(version);
        return published is null ? [] : RubricJson.Read(published.Json, new Violations())?.GradeBands ?? [];
    }
}
