using BranchLedger.Api.V1;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Scoring;
using BranchLedger.Domain.Validation;
using Grpc.Core;
using BranchLedger.Domain.Access;
using BranchLedger.Gateway.Security;

namespace BranchLedger.Gateway.Services;

// ListCityWarnings: one read per tenant's warning board (dozens), never one per branch.
internal sealed partial class RankingApi
{
    [RequiresPermission(Permission.CityRead)]
    public override async Task<ListCityWarningsResponse> ListCityWarnings(ListCityWarningsRequest r, ServerCallContext context)
    {
        callers.Resolve(context);
        var violations = new Violations();
        if (r.TenantId.Length > 0)
        {
            violations.Slug("tenant_id", r.TenantId);
        }

        var scope = $"city-warnings|{r.TenantId}";
        var pageSize = Paging.PageSize(violations, r.PageSize);
        var after = Paging.After(violations, scope, r.PageToken);
        CommandChecks.ThrowIfInvalid(violations);

        IReadOnlyList<string> tenants = r.TenantId.Length > 0 ? [r.TenantId] : await grains.GetGrain<ITenantRegistryGrain>(CityKeys.City).List();
        var boards = await Task.WhenAll(tenants.Select(async t =>
            (Tenant: t, Nodes: await grains.GetGrain<IWarningBoardGrain>(GrainKeys.Tenant(t)).List(null))));
        var warnings = boards
            .SelectMany(b => b.Nodes.SelectMany(LedgerMapping.ToMessages).Select(w => new CityWarning { TenantId = b.Tenant, Warning = w }))
            .ToList();

        var response = new ListCityWarningsResponse();
        response.Warnings.AddRange(warnings.Skip((int)Math.Min(after, warnings.Count)).Take(pageSize));
        if (after + pageSize < warnings.Count)
        {
            response.NextPageToken = PageToken.Encode(scope, after + pageSize);
        }

        return response;
    }
}
