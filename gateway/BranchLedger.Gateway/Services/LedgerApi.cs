using BranchLedger.Api.V1;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Validation;
using Grpc.Core;

namespace BranchLedger.Gateway.Services;

/// <summary>LedgerService: validates every request completely before any grain call, then delegates.</summary>
internal sealed class LedgerApi(IGrainFactory grains, ICallerResolver callers, TimeProvider clock)
    : LedgerService.LedgerServiceBase
{
    public override async Task<RecordMeetingResponse> RecordMeeting(RecordMeetingRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("branch_id", request.BranchId);
        var command = new RecordMeetingCommand
        {
            RequestId = request.RequestId,
            RecordedBy = caller.Subject,
            Meeting = LedgerMapping.ToDetails(request.Meeting ?? new Meeting(), violations),
        };
        CommandChecks.ThrowIfInvalid(CommandChecks.Check(command, clock, violations));

        var result = await Branch(caller, request.BranchId).RecordMeeting(command);
        return new RecordMeetingResponse { Record = result.Record.ToMessage(request.BranchId), Replayed = result.Replayed };
    }

    public override async Task<ListRecordsResponse> ListRecords(ListRecordsRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("branch_id", request.BranchId);
        var pageSize = Paging.PageSize(violations, request.PageSize);
        var after = Paging.After(violations, request.BranchId, request.PageToken);
        CommandChecks.ThrowIfInvalid(violations);

        var page = await Branch(caller, request.BranchId).ListRecords(after, pageSize);
        var response = new ListRecordsResponse
        {
            NextPageToken = page.NextAfterSequence is { } next ? PageToken.Encode(request.BranchId, next) : "",
        };
        response.Records.AddRange(page.Records.Select(r => r.ToMessage(request.BranchId)));
        return response;
    }

    private IBranchGrain Branch(Caller caller, string branchId) =>
        grains.GetGrain<IBranchGrain>(GrainKeys.Branch(caller.Tenant, branchId));
}
