using BranchLedger.Api.V1;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Validation;
using Google.Protobuf.Collections;
using Grpc.Core;
using static BranchLedger.Gateway.Services.LedgerMapping;
using BranchLedger.Domain.Access;
using BranchLedger.Gateway.Security;

namespace BranchLedger.Gateway.Services;

/// <summary>LedgerService: validates every request completely before any grain call, then delegates.</summary>
internal sealed partial class LedgerApi(IGrainFactory grains, ICallerResolver callers, TimeProvider clock)
    : LedgerService.LedgerServiceBase
{
    [RequiresPermission(Permission.RecordWrite, Mutation = true)]
    public override async Task<RecordMeetingResponse> RecordMeeting(RecordMeetingRequest r, ServerCallContext context)
    {
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, v => ToMeeting(r.Meeting, "meeting.", v), r.Evidence);
        return new() { Record = record, Replayed = replayed };
    }

    [RequiresPermission(Permission.RecordWrite, Mutation = true)]
    public override async Task<RecordTalkResponse> RecordTalk(RecordTalkRequest r, ServerCallContext context)
    {
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, v => ToTalk(r.Talk, "talk.", v), r.Evidence);
        return new() { Record = record, Replayed = replayed };
    }

    [RequiresPermission(Permission.RecordWrite, Mutation = true)]
    public override async Task<RecordQuarterlyReviewResponse> RecordQuarterlyReview(RecordQuarterlyReviewRequest r, ServerCallContext context)
    {
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, v => ToReview(r.QuarterlyReview, "quarterly_review.", v), r.Evidence);
        return new() { Record = record, Replayed = replayed };
    }

    [RequiresPermission(Permission.RecordWrite, Mutation = true)]
    public override async Task<RecordCommunityServiceResponse> RecordCommunityService(RecordCommunityServiceRequest r, ServerCallContext context)
    {
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, v => ToService(r.CommunityService, "community_service.", v), r.Evidence);
        return new() { Record = record, Replayed = replayed };
    }

    [RequiresPermission(Permission.RecordWrite, Mutation = true)]
    public override async Task<RecordRiskPointResponse> RecordRiskPoint(RecordRiskPointRequest r, ServerCallContext context)
    {
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, v => ToRiskPoint(r.RiskPoint, "risk_point.", v), r.Evidence);
        return new() { Record = record, Replayed = replayed };
    }

    [RequiresPermission(Permission.RecordWrite, Mutation = true)]
    public override async Task<RecordBrandProjectResponse> RecordBrandProject(RecordBrandProjectRequest r, ServerCallContext context)
    {
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, v => ToBrand(r.BrandProject, "brand_project.", v), r.Evidence);
        return new() { Record = record, Replayed = replayed };
    }

    [RequiresPermission(Permission.RecordWrite, Mutation = true)]
    public override async Task<RecordHonourResponse> RecordHonour(RecordHonourRequest r, ServerCallContext context)
    {
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, v => ToHonour(r.Honour, "honour.", v), r.Evidence);
        return new() { Record = record, Replayed = replayed };
    }

    [RequiresPermission(Permission.RecordWrite, Mutation = true)]
    public override async Task<RecordCampaignResponse> RecordCampaign(RecordCampaignRequest r, ServerCallContext context)
    {
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, v => ToCampaign(r.Campaign, "campaign.", v), r.Evidence);
        return new() { Record = record, Replayed = replayed };
    }

    [RequiresPermission(Permission.RecordWrite, Mutation = true)]
    public override async Task<RecordSelfAssessmentResponse> RecordSelfAssessment(RecordSelfAssessmentRequest r, ServerCallContext context)
    {
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, v => ToSelfAssessment(r.SelfAssessment, "self_assessment.", v), r.Evidence);
        return new() { Record = record, Replayed = replayed };
    }

    [RequiresPermission(Permission.RecordWrite, Mutation = true)]
    public override async Task<CreateDutyItemResponse> CreateDutyItem(CreateDutyItemRequest r, ServerCallContext context)
    {
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, v => ToDutyItem(r.DutyItem, "duty_item.", v), r.Evidence);
        return new() { Record = record, Replayed = replayed };
    }

    // The need depends on the status asked for (records.write, or findings.verify to verify): the handler decides.
    [RequiresPermission(Permission.None, Mutation = true)]
    public override async Task<UpdateDutyItemStatusResponse> UpdateDutyItemStatus(UpdateDutyItemStatusRequest r, ServerCallContext context)
    {
        // Moving a duty item is a record write; verifying it is a sign-off (findings.verify).
        var caller = callers.Resolve(context);
        caller.DemandOn(
            r.DutyProgress?.Status == DutyStatus.Verified ? Domain.Access.Permission.FindingVerify : Domain.Access.Permission.RecordWrite,
            caller.Tenant,
            [r.NodeId]);
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, v => ToDutyProgress(r.DutyProgress, "duty_progress.", v), r.Evidence);
        return new() { Record = record, Replayed = replayed };
    }

    [RequiresPermission(Permission.RecordWrite, Mutation = true)]
    public override async Task<RaiseFindingResponse> RaiseFinding(RaiseFindingRequest r, ServerCallContext context)
    {
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, v => ToFinding(r.Finding, "finding.", v), r.Evidence);
        return new() { Record = record, Replayed = replayed };
    }

    [RequiresPermission(Permission.RecordWrite, Mutation = true)]
    public override async Task<RecordFindingProgressResponse> RecordFindingProgress(RecordFindingProgressRequest r, ServerCallContext context)
    {
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, v => ToFindingProgress(r.FindingProgress, "finding_progress.", v), r.Evidence);
        return new() { Record = record, Replayed = replayed };
    }

    // Closing (销号) is a verifier's sign-off, never the branch's own: findings.verify, on the finding's node.
    [RequiresPermission(Permission.FindingVerify, Mutation = true)]
    public override async Task<CloseFindingResponse> CloseFinding(CloseFindingRequest r, ServerCallContext context)
    {
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, v => ToFindingClosure(r.FindingClosure, "finding_closure.", v), r.Evidence);
        return new() { Record = record, Replayed = replayed };
    }

    [RequiresPermission(Permission.RecordWrite, Mutation = true)]
    public override async Task<ReopenFindingResponse> ReopenFinding(ReopenFindingRequest r, ServerCallContext context)
    {
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, v => ToFindingReopening(r.FindingReopening, "finding_reopening.", v), r.Evidence);
        return new() { Record = record, Replayed = replayed };
    }

    // Any kind, in the kind's own field as in RecordBody. Closing a finding or verifying a duty item still
    // needs findings.verify, as through their own RPCs.
    [RequiresPermission(Permission.RecordWrite, Mutation = true)]
    public override async Task<AppendRecordResponse> AppendRecord(AppendRecordRequest r, ServerCallContext context)
    {
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, v => ToBody(BodyOf(r), "body", "", v), r.Evidence,
            demand: (caller, body) => DemandVerifyFor(caller, r.NodeId, body));
        return new() { Record = record, Replayed = replayed };
    }

    // The request's body oneof repeats RecordBody's by name, so the set field is copied by name.
    private static Api.V1.RecordBody? BodyOf(AppendRecordRequest r)
    {
        var set = AppendRecordRequest.Descriptor.Oneofs[0].Accessor.GetCaseFieldDescriptor(r);
        if (set is null)
        {
            return null;
        }

        var body = new Api.V1.RecordBody();
        Api.V1.RecordBody.Descriptor.FindFieldByName(set.Name).Accessor.SetValue(body, set.Accessor.GetValue(r));
        return body;
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<ListDutyItemsResponse> ListDutyItems(ListDutyItemsRequest r, ServerCallContext context)
    {
        var (caller, pageSize, after) = ListArguments(context, r.NodeId, r.PageSize, r.PageToken, $"duties|{r.NodeId}|{r.OverdueOnly}");
        var today = Today();
        var items = (await Ledger(caller, r.NodeId).ListDutyItems()).Select(d => ToState(d, today)).Where(d => !r.OverdueOnly || d.Overdue).ToList();
        var response = new ListDutyItemsResponse { NextPageToken = NextToken(items.Count, after, pageSize, $"duties|{r.NodeId}|{r.OverdueOnly}") };
        response.Items.AddRange(items.Skip((int)after).Take(pageSize));
        return response;
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<ListFindingsResponse> ListFindings(ListFindingsRequest r, ServerCallContext context)
    {
        var (caller, pageSize, after) = ListArguments(context, r.NodeId, r.PageSize, r.PageToken, $"findings|{r.NodeId}|{r.OverdueOnly}");
        var today = Today();
        var findings = (await Ledger(caller, r.NodeId).ListFindings()).Select(f => ToState(f, today)).Where(f => !r.OverdueOnly || f.Overdue).ToList();
        var response = new ListFindingsResponse { NextPageToken = NextToken(findings.Count, after, pageSize, $"findings|{r.NodeId}|{r.OverdueOnly}") };
        response.Findings.AddRange(findings.Skip((int)after).Take(pageSize));
        return response;
    }

    private (Caller Caller, int PageSize, long After) ListArguments(ServerCallContext context, string nodeId, int pageSize, string token, string scope)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("node_id", nodeId);
        var size = Paging.PageSize(violations, pageSize);
        var after = Paging.After(violations, scope, token);
        CommandChecks.ThrowIfInvalid(violations);
        return (caller, size, after);
    }

    // Positions in a derived list: the token holds how many items came before the next page.
    private static string NextToken(int count, long after, int pageSize, string scope) =>
        after + pageSize < count ? PageToken.Encode(scope, after + pageSize) : "";

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<GetComplianceResponse> GetCompliance(GetComplianceRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("node_id", r.NodeId);
        if (!Domain.Periods.Period.TryParse(r.Period, out _))
        {
            violations.Add("period", "must be a year (2026), a quarter (2026-Q1) or a month (2026-03)");
        }

        CommandChecks.ThrowIfInvalid(violations);
        return ToMessage(await Ledger(caller, r.NodeId).GetCompliance(r.Period));
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<ListWarningsResponse> ListWarnings(ListWarningsRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations();
        if (r.NodeId.Length > 0)
        {
            violations.Slug("node_id", r.NodeId);
        }

        var scope = $"warnings|{r.NodeId}";
        var pageSize = Paging.PageSize(violations, r.PageSize);
        var after = Paging.After(violations, scope, r.PageToken);
        CommandChecks.ThrowIfInvalid(violations);

        var board = grains.GetGrain<IWarningBoardGrain>(GrainKeys.Tenant(caller.Tenant));
        var warnings = (await board.List(r.NodeId.Length > 0 ? r.NodeId : null)).SelectMany(ToMessages).ToList();
        var response = new ListWarningsResponse { NextPageToken = NextToken(warnings.Count, after, pageSize, scope) };
        response.Warnings.AddRange(warnings.Skip((int)after).Take(pageSize));
        return response;
    }

    [RequiresPermission(Permission.RecordWrite, Mutation = true)]
    public override async Task<VoidRecordResponse> VoidRecord(VoidRecordRequest r, ServerCallContext context)
    {
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, _ => Correction(r.RecordId, r.Reason, null), evidence: null);
        return new() { Record = record, Replayed = replayed };
    }

    [RequiresPermission(Permission.RecordWrite, Mutation = true)]
    public override async Task<AmendRecordResponse> AmendRecord(AmendRecordRequest r, ServerCallContext context)
    {
        var (record, replayed) = await AppendAsync(
            context, r.NodeId, r.RequestId, v => Correction(r.RecordId, r.Reason, ToBody(r.Replacement, "replacement", "replacement.", v)), evidence: null,
            demand: (caller, body) => DemandVerifyFor(caller, r.NodeId, ((CorrectionDetails)body).Replacement));
        return new() { Record = record, Replayed = replayed };
    }

    [RequiresPermission(Permission.RecordReview, Mutation = true)]
    public override async Task<ReviewRecordResponse> ReviewRecord(ReviewRecordRequest r, ServerCallContext context)
    {
        // The reviewer is the caller (AppendAsync records the credential's subject), never the body.
        var (record, replayed) = await AppendAsync(context, r.NodeId, r.RequestId, _ => new ReviewDetails
        {
            Date = Today(),
            // An unparsable id becomes 0, which the review's own rule reports as record_id.
            TargetSequence = Contracts.Ledger.LedgerRecord.SequenceOf(r.RecordId) ?? 0,
            // Values outside the domain's enum (UNSPECIFIED, unknown numbers) are reported as verdict.
            Verdict = (Domain.Ledger.ReviewVerdict)(int)r.Verdict,
            Reason = r.Reason,
        }, evidence: null);
        return new() { Record = record, Replayed = replayed };
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<ListReviewQueueResponse> ListReviewQueue(ListReviewQueueRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("node_id", r.NodeId);
        var pageSize = Paging.PageSize(violations, r.PageSize);
        var scope = $"review|{r.NodeId}|{r.State}|{r.Year}";
        var after = Paging.After(violations, scope, r.PageToken);
        var filter = (Domain.Ledger.ReviewQueueFilter)(int)r.State;
        if (!Enum.IsDefined(filter))
        {
            violations.Add("state", "must be unspecified (every record), WAITING, RETURNED_UNANSWERED or ANSWERED");
        }

        if (r.Year is < 0 or (> 0 and (< 2000 or > 9999)))
        {
            violations.Add("year", "must be 0 (the live ledger) or a calendar year from 2000");
        }

        CommandChecks.ThrowIfInvalid(violations);

        var page = await Ledger(caller, r.NodeId).ListReviewQueue(
            new ReviewQueueQuery { Filter = filter, Year = r.Year == 0 ? null : r.Year, AfterSequence = after, PageSize = pageSize });
        var response = new ListReviewQueueResponse
        {
            NextPageToken = page.NextAfterSequence is { } next ? PageToken.Encode(scope, next) : "",
        };
        response.Items.AddRange(page.Records.Select(x => new ReviewQueueItem { Record = x.Record.ToMessage(r.NodeId), Review = ToMessage(x.Review) }));
        return response;
    }

    [RequiresPermission(Permission.RecordWrite, Mutation = true)]
    public override async Task<ImportRecordsResponse> ImportRecords(ImportRecordsRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("node_id", r.NodeId);
        if (r.Rows.Count is 0 or > MaxImportRows)
        {
            violations.Add("rows", $"must hold 1 to {MaxImportRows} rows (got {r.Rows.Count})");
        }

        CommandChecks.ThrowIfInvalid(violations);

        // Rows of a wrong shape are answered here; only the others travel to the grain, which judges
        // their dates with the tenant's calendar.
        var response = new ImportRecordsResponse();
        var commands = new List<AppendCommand>();
        var indexes = new List<int>();
        for (var i = 0; i < r.Rows.Count; i++)
        {
            var row = r.Rows[i];
            var rowViolations = new Violations();
            var command = new AppendCommand
            {
                RequestId = row.RequestId,
                RecordedBy = caller.Subject,
                Body = ToBody(row.Body, "body", "", rowViolations),
                Evidence = ToEvidence(row.Evidence),
            };
            if (CommandChecks.CheckShape(command, rowViolations).IsEmpty)
            {
                commands.Add(command);
                indexes.Add(i);
            }
            else
            {
                response.Results.Add(Rejected(i, rowViolations.Items.Select(v => (v.Field, v.Description))));
            }
        }

        // An import cannot do what the RPCs it stands for would refuse: a closure or verification needs findings.verify.
        foreach (var command in commands)
        {
            DemandVerifyFor(caller, r.NodeId, command.Body);
        }

        // The call's audit row commits with the accepted rows (one transaction); a batch that records
        // nothing leaves it to the interceptor.
        var audit = AuditInterceptor.PendingEntry(context);
        var outcomes = commands.Count == 0 ? [] : await Ledger(caller, r.NodeId).AppendBatch(commands, audit);
        if (audit is not null && outcomes.Any(o => o.Outcome == Contracts.Ledger.ImportOutcome.Accepted))
        {
            AuditInterceptor.MarkAudited(context);
        }

        for (var k = 0; k < outcomes.Count; k++)
        {
            var outcome = outcomes[k];
            response.Results.Add(outcome.Outcome == Contracts.Ledger.ImportOutcome.Rejected
                ? Rejected(indexes[k], outcome.Errors.Select(e => (e.Field, e.Description)))
                : new ImportRowResult
                {
                    Index = indexes[k],
                    Outcome = outcome.Outcome == Contracts.Ledger.ImportOutcome.Accepted ? Api.V1.ImportOutcome.Accepted : Api.V1.ImportOutcome.Duplicate,
                    RecordId = outcome.Record!.RecordId,
                });
        }

        var ordered = response.Results.OrderBy(x => x.Index).ToList();
        response.Results.Clear();
        response.Results.AddRange(ordered);
        response.Accepted = ordered.Count(x => x.Outcome == Api.V1.ImportOutcome.Accepted);
        response.Duplicates = ordered.Count(x => x.Outcome == Api.V1.ImportOutcome.Duplicate);
        response.Rejected = ordered.Count(x => x.Outcome == Api.V1.ImportOutcome.Rejected);
        return response;
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<GetRecordResponse> GetRecord(GetRecordRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("node_id", r.NodeId);
        var sequence = RecordSequence(r.RecordId, violations);
        CommandChecks.ThrowIfInvalid(violations);

        var history = await Ledger(caller, r.NodeId).GetRecord(sequence) ?? throw Contracts.Ledger.LedgerRecord.NotFound(r.RecordId);
        var response = new GetRecordResponse { Record = history.Record.ToMessage(r.NodeId) };
        response.Corrections.AddRange(history.Corrections.Select(c => c.ToMessage(r.NodeId)));
        response.Review = history.Review is { } review ? ToMessage(review) : null;
        return response;
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<ListRecordsResponse> ListRecords(ListRecordsRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("node_id", r.NodeId);
        var pageSize = Paging.PageSize(violations, r.PageSize);
        var scope = $"{r.NodeId}|{r.IncludeHistory}|{r.Kind}|{r.Year}";
        var after = Paging.After(violations, scope, r.PageToken);
        if (r.Kind.Length > 0 && !RecordKinds.Contains(r.Kind))
        {
            violations.Add("kind", "must be empty or one of: " + string.Join(", ", RecordKinds));
        }

        if (r.Year is < 0 or (> 0 and (< 2000 or > 9999)))
        {
            violations.Add("year", "must be 0 (the live ledger) or a calendar year from 2000");
        }

        CommandChecks.ThrowIfInvalid(violations);

        var page = await Ledger(caller, r.NodeId).ListRecords(
            new RecordQuery
            {
                AfterSequence = after, PageSize = pageSize, IncludeHistory = r.IncludeHistory, Family = r.Kind, Year = r.Year == 0 ? null : r.Year,
            });
        var response = new ListRecordsResponse
        {
            NextPageToken = page.NextAfterSequence is { } next ? PageToken.Encode(scope, next) : "",
        };
        response.Records.AddRange(page.Records.Select(v => v.ToMessage(r.NodeId)));
        response.SealedYears.AddRange(page.SealedYears);
        return response;
    }

    /// <inheritdoc />
    [RequiresPermission(Permission.DirectoryWrite, Mutation = true)]
    public override async Task<SealYearResponse> SealYear(SealYearRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("node_id", r.NodeId).RequestId("request_id", r.RequestId);
        // Whether the year has ended is the ledger's call: it knows the tenant's calendar.
        if (r.Year is < 2000 or > 9999)
        {
            violations.Add("year", "must be a year that has ended in the tenant's calendar, from 2000");
        }

        CommandChecks.ThrowIfInvalid(violations);
        var result = await Ledger(caller, r.NodeId).SealYear(new SealCommand(r.Year, r.RequestId, caller.Subject));
        var response = new SealYearResponse
        {
            Year = result.Year,
            SealedRecords = result.SealedRecords,
            CarriedForwardRecords = result.CarriedForward,
            LiveRecords = result.LiveRecords,
            Replayed = result.Replayed,
        };
        response.SealedYears.AddRange(result.SealedYears);
        return response;
    }

    /// <summary>The most rows one import call takes.</summary>
    public const int MaxImportRows = 1_000;

    private static ImportRowResult Rejected(int index, IEnumerable<(string Field, string Description)> errors)
    {
        var result = new ImportRowResult { Index = index, Outcome = Api.V1.ImportOutcome.Rejected };
        result.Violations.AddRange(errors.Select(e => new Api.V1.FieldViolation { Field = e.Field, Description = e.Description }));
        return result;
    }

    internal static readonly string[] RecordKinds = [.. Api.V1.RecordBody.Descriptor.Oneofs[0].Fields.Select(f => f.Name), "correction", "review"];

    private async Task<(Api.V1.LedgerRecord Record, bool Replayed)> AppendAsync(
        ServerCallContext context, string nodeId, string requestId, Func<Violations, Contracts.Ledger.RecordBody> body,
        RepeatedField<Evidence>? evidence, Action<Caller, Contracts.Ledger.RecordBody>? demand = null)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("node_id", nodeId);
        var command = new AppendCommand
        {
            RequestId = requestId,
            RecordedBy = caller.Subject,
            Body = body(violations),
            Evidence = evidence is null ? [] : ToEvidence(evidence),
            Audit = AuditInterceptor.PendingEntry(context),
        };
        // The shape here; dates and every other invariant in the ledger, with the tenant's calendar.
        CommandChecks.ThrowIfInvalid(CommandChecks.CheckShape(command, violations));
        demand?.Invoke(caller, command.Body);

        var result = await Ledger(caller, nodeId).Append(command);
        if (!result.Replayed && command.Audit is not null)
        {
            // Committed with the record: the interceptor writes no second row.
            AuditInterceptor.MarkAudited(context);
        }

        return (result.Record.ToMessage(nodeId), result.Replayed);
    }

    // Closing a finding or verifying a duty item is a sign-off, however it arrives (import, amendment).
    private static void DemandVerifyFor(Caller caller, string nodeId, Contracts.Ledger.RecordBody? body)
    {
        if (body is FindingClosureDetails or DutyProgressDetails { Status: Domain.Warnings.DutyStatus.Verified })
        {
            caller.DemandOn(Domain.Access.Permission.FindingVerify, caller.Tenant, [nodeId]);
        }
    }

    private CorrectionDetails Correction(string recordId, string reason, Contracts.Ledger.RecordBody? replacement) => new()
    {
        Date = Today(),
        // An unparsable id becomes 0, which the correction's own rule reports as record_id.
        TargetSequence = Contracts.Ledger.LedgerRecord.SequenceOf(recordId) ?? 0,
        Reason = reason,
        Replacement = replacement,
    };

    private static long RecordSequence(string recordId, Violations violations)
    {
        var sequence = Contracts.Ledger.LedgerRecord.SequenceOf(recordId);
        if (sequence is null)
        {
            violations.Add("record_id", "must be a record id such as rec-17");
        }

        return sequence ?? 0;
    }

    // The platform's default calendar: the day a correction is dated and overdue flags are judged by.
    // Record dates are judged by the ledger alone, in its tenant's own time zone.
    private DateOnly Today() => Domain.Periods.TenantCalendar.Today(clock.GetUtcNow());

    private ILedgerGrain Ledger(Caller caller, string nodeId) =>
        grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger(caller.Tenant, nodeId));
}
