using BranchLedger.Api.V1;
using BranchLedger.Contracts.Audit;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Access;
using BranchLedger.Domain.Validation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using BranchLedger.Gateway.Security;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// AuditService: the trail, read by those whose grants carry audit.read. A credential reaching one
/// tenant reads that tenant; one reaching every tenant reads the tenant it names, or everything.
/// </summary>
internal sealed class AuditApi(IGrainFactory grains, ICallerResolver callers) : AuditService.AuditServiceBase
{
    // Any role; the handler decides from the request (scope, tenant, the grant handed out).
    [RequiresPermission(Permission.None)]
    public override async Task<ListAuditEventsResponse> ListAuditEvents(ListAuditEventsRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        IReadOnlyList<string>? tenants = caller.ActingTenant is { } tenant ? [tenant] : null;
        caller.Demand(Permission.AuditRead, caller.ActingTenant);

        var violations = new Violations().Text("subject", r.Subject, 256, required: false);
        var pageSize = Paging.PageSize(violations, r.PageSize);
        var scope = $"audit|{caller.ActingTenant}|{r.Subject}|{r.StartTime}|{r.EndTime}";
        var after = Paging.After(violations, scope, r.PageToken);
        var since = r.StartTime is null ? null : ApiDates.ToInstant(r.StartTime, "start_time", violations);
        var until = r.EndTime is null ? null : ApiDates.ToInstant(r.EndTime, "end_time", violations);
        CommandChecks.ThrowIfInvalid(violations);

        var page = await grains.GetGrain<IAuditLogGrain>(0).Query(new AuditQuery(
            tenants, after, pageSize + 1, r.Subject.Length == 0 ? null : r.Subject, since, until));
        var response = new ListAuditEventsResponse
        {
            NextPageToken = page.Count > pageSize ? PageToken.Encode(scope, page[pageSize - 1].Sequence) : "",
        };
        response.Events.AddRange(page.Take(pageSize).Select(e => new Api.V1.AuditEvent
        {
            Sequence = e.Sequence,
            Time = Timestamp.FromDateTimeOffset(e.Entry.At),
            TenantId = e.Entry.Tenant ?? "",
            Subject = e.Entry.Subject,
            Credential = e.Entry.Credential,
            RequestId = e.Entry.RequestId,
            Rpc = e.Entry.Rpc,
            Targets = e.Entry.Targets,
            Outcome = e.Entry.Outcome,
        }));
        return response;
    }
}
