using BranchLedger.Api.V1;
using BranchLedger.Domain.Access;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Gateway;

/// <summary>
/// The party office reviews what branches recorded (LedgerService.ReviewRecord, ListReviewQueue) over
/// real gRPC, through the gateway host, against a real cluster on PostgreSQL.
/// </summary>
public sealed class RecordReviewTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Tenant = "review-city";
    private const string Reason = "参会人数与支委名册不符，请核对后更正";

    private readonly LedgerService.LedgerServiceClient _ledger = fixture.Ledger;

    private static Metadata Office => TestCredentials.Bearer("office-zhang", null, Grant.For(Role.TenantAdmin, Tenant));

    private static Metadata Secretary(string branch) => TestCredentials.Bearer("sec-wang", null, Grant.For(Role.BranchSecretary, Tenant, [branch]));

    private static ReviewRecordRequest Review(string branch, string recordId, ReviewVerdict verdict, string reason = "", string? requestId = null) => new()
    {
        NodeId = branch, RecordId = recordId, Verdict = verdict, Reason = reason, RequestId = requestId ?? Guid.NewGuid().ToString(),
    };

    private async Task<List<ReviewQueueItem>> QueueAsync(string branch, ReviewQueueFilter state, Metadata caller) =>
        [.. (await _ledger.ListReviewQueueAsync(new ListReviewQueueRequest { NodeId = branch, State = state }, caller)).Items];

    [Fact]
    public async Task Office_returns_a_record_the_secretary_answers_by_amending_and_the_office_then_marks_it_read()
    {
        const string branch = "review-flow";
        await fixture.EnsureAsync(Tenant, branch, members: 20);
        var secretary = Secretary(branch);
        var meeting = (await _ledger.RecordMeetingAsync(Meetings.Request(branch, "flow-m1"), secretary)).Record;
        var other = (await _ledger.RecordMeetingAsync(Meetings.Request(branch, "flow-m2", day: 9), secretary)).Record;
        Assert.Equal([meeting.RecordId, other.RecordId], (await QueueAsync(branch, ReviewQueueFilter.Waiting, Office)).Select(i => i.Record.RecordId));

        // The office returns it; the reviewer is the caller, the record itself is untouched.
        var returned = await _ledger.ReviewRecordAsync(Review(branch, meeting.RecordId, ReviewVerdict.Returned, Reason, "flow-return"), Office);
        Assert.False(returned.Replayed);
        Assert.Equal("office-zhang", returned.Record.RecordedBy);
        Assert.Equal(new Api.V1.Review { RecordId = meeting.RecordId, Verdict = ReviewVerdict.Returned, Reason = Reason }, returned.Record.Review);
        var again = await _ledger.ReviewRecordAsync(Review(branch, meeting.RecordId, ReviewVerdict.Returned, Reason, "flow-return"), Office);
        Assert.True(again.Replayed);
        Assert.Equal(returned.Record, again.Record);
        var reused = await Assert.ThrowsAsync<RpcException>(() =>
            _ledger.ReviewRecordAsync(Review(branch, meeting.RecordId, ReviewVerdict.Read, "", "flow-return"), Office).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, reused.StatusCode);
        Assert.Equal("REQUEST_ID_REUSED", reused.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);

        // The secretary sees it returned with the reason, and cannot review anything.
        var unanswered = Assert.Single(await QueueAsync(branch, ReviewQueueFilter.ReturnedUnanswered, secretary));
        Assert.Equal(meeting, unanswered.Record);
        Assert.Equal(ReviewState.Returned, unanswered.Review.State);
        Assert.Equal(Reason, unanswered.Review.Reason);
        Assert.Equal("office-zhang", unanswered.Review.ReviewedBy);
        Assert.Equal(returned.Record.RecordedAt, unanswered.Review.ReviewedAt);
        Assert.Equal(returned.Record.RecordId, unanswered.Review.ReviewRecordId);
        Assert.Equal([other.RecordId], (await QueueAsync(branch, ReviewQueueFilter.Waiting, secretary)).Select(i => i.Record.RecordId));
        var denied = await Assert.ThrowsAsync<RpcException>(() =>
            _ledger.ReviewRecordAsync(Review(branch, other.RecordId, ReviewVerdict.Read), secretary).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        // The secretary answers by amending: answered, no longer unanswered.
        var replacement = Meetings.Request(branch).Meeting;
        replacement.Attendees = 7;
        var amendment = (await _ledger.AmendRecordAsync(new AmendRecordRequest
        {
            NodeId = branch, RequestId = "flow-amend", RecordId = meeting.RecordId, Reason = "按名册更正参会人数",
            Replacement = new RecordBody { Meeting = replacement },
        }, secretary)).Record;
        Assert.Empty(await QueueAsync(branch, ReviewQueueFilter.ReturnedUnanswered, Office));
        var answered = Assert.Single(await QueueAsync(branch, ReviewQueueFilter.Answered, Office));
        Assert.Equal(RecordStatus.Amended, answered.Record.Status);
        Assert.Equal(7, answered.Record.Current.Meeting.Attendees);
        Assert.Equal(ReviewState.Answered, answered.Review.State);
        Assert.Equal(Reason, answered.Review.Reason);
        Assert.Equal(amendment.RecordId, answered.Review.AnsweredByRecordId);

        // The office marks it read: the later review supersedes the return.
        var read = (await _ledger.ReviewRecordAsync(Review(branch, meeting.RecordId, ReviewVerdict.Read), Office)).Record;
        var history = await _ledger.GetRecordAsync(new GetRecordRequest { NodeId = branch, RecordId = meeting.RecordId }, secretary);
        Assert.Equal(ReviewState.Read, history.Review.State);
        Assert.Equal(read.RecordId, history.Review.ReviewRecordId);
        Assert.Equal([returned.Record.RecordId, amendment.RecordId, read.RecordId], history.Corrections.Select(c => c.RecordId));
        Assert.Equal(LedgerRecord.BodyOneofCase.Correction, history.Corrections[1].BodyCase);
        Assert.Equal(LedgerRecord.BodyOneofCase.Review, history.Corrections[2].BodyCase);
        Assert.Equal([ReviewState.Read, ReviewState.Waiting], (await QueueAsync(branch, ReviewQueueFilter.Unspecified, Office)).Select(i => i.Review.State));

        // Reviews are writes like any other: in the audit trail, under the reviewer.
        var audit = new AuditService.AuditServiceClient(fixture.Host.Channel());
        var events = (await audit.ListAuditEventsAsync(new ListAuditEventsRequest { Subject = "office-zhang" }, Office)).Events
            .Where(e => e.Rpc == "/branchledger.v1.LedgerService/ReviewRecord").ToList();
        Assert.Contains(events, e => e.RequestId == "flow-return" && e.Outcome == "OK" && e.Targets.Contains(meeting.RecordId, StringComparison.Ordinal));
        Assert.Contains(events, e => e.RequestId == "flow-return" && e.Outcome == "FailedPrecondition");
    }

    [Fact]
    public async Task A_void_answers_a_return_and_voided_corrections_and_reviews_cannot_be_reviewed()
    {
        const string branch = "review-void";
        await fixture.EnsureAsync(Tenant, branch, members: 20);
        var secretary = Secretary(branch);
        var first = (await _ledger.RecordMeetingAsync(Meetings.Request(branch, "void-m1"), secretary)).Record;
        var second = (await _ledger.RecordMeetingAsync(Meetings.Request(branch, "void-m2", day: 9), secretary)).Record;
        var returned = (await _ledger.ReviewRecordAsync(Review(branch, first.RecordId, ReviewVerdict.Returned, "重复登记"), Office)).Record;
        var voided = (await _ledger.VoidRecordAsync(new VoidRecordRequest { NodeId = branch, RequestId = "void-1", RecordId = first.RecordId, Reason = "重复登记" }, secretary)).Record;

        var answered = Assert.Single(await QueueAsync(branch, ReviewQueueFilter.Answered, Office));
        Assert.Equal(RecordStatus.Voided, answered.Record.Status);
        Assert.Equal(voided.RecordId, answered.Review.AnsweredByRecordId);

        foreach (var target in new[] { first.RecordId, voided.RecordId, returned.RecordId })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => _ledger.ReviewRecordAsync(Review(branch, target, ReviewVerdict.Read), Office).ResponseAsync);
            Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
            var violation = refused.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single();
            Assert.Equal("REVIEW_REFUSED", violation.Type);
            Assert.Equal("record_id", violation.Subject);
        }

        var missing = await Assert.ThrowsAsync<RpcException>(() => _ledger.ReviewRecordAsync(Review(branch, "rec-999", ReviewVerdict.Read), Office).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal([second.RecordId], (await QueueAsync(branch, ReviewQueueFilter.Waiting, Office)).Select(i => i.Record.RecordId));
    }

    [Fact]
    public async Task Reviews_change_no_compliance_score_or_listing()
    {
        const string branch = "review-figures";
        await fixture.EnsureAsync(Tenant, branch, members: 20);
        var secretary = Secretary(branch);
        var records = new List<LedgerRecord>();
        foreach (var day in new[] { 3, 10, 17 })
        {
            records.Add((await _ledger.RecordMeetingAsync(Meetings.Request(branch, $"fig-{day}", day), secretary)).Record);
        }

        var compliance = new GetComplianceRequest { NodeId = branch, Period = "2026" };
        var score = new GetScoreRequest { NodeId = branch, Period = "2026" };
        var listing = new ListRecordsRequest { NodeId = branch };
        var complianceBefore = await _ledger.GetComplianceAsync(compliance, Office);
        var scoreBefore = await _ledger.GetScoreAsync(score, Office);
        var listingBefore = await _ledger.ListRecordsAsync(listing, Office);

        await _ledger.ReviewRecordAsync(Review(branch, records[0].RecordId, ReviewVerdict.Read), Office);
        await _ledger.ReviewRecordAsync(Review(branch, records[1].RecordId, ReviewVerdict.Returned, Reason), Office);
        await _ledger.ReviewRecordAsync(Review(branch, records[1].RecordId, ReviewVerdict.Read, "已核实"), Office);

        Assert.Equal(complianceBefore, await _ledger.GetComplianceAsync(compliance, Office));
        Assert.Equal(scoreBefore, await _ledger.GetScoreAsync(score, Office));
        Assert.Equal(listingBefore, await _ledger.ListRecordsAsync(listing, Office));
        var history = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = branch, IncludeHistory = true, Kind = "review" }, Office);
        Assert.Equal(3, history.Records.Count);
    }

    [Fact]
    public async Task Bad_reviews_get_every_field_violation_and_record_nothing()
    {
        const string branch = "review-invalid";
        await fixture.EnsureAsync(Tenant, branch, members: 20);
        var meeting = (await _ledger.RecordMeetingAsync(Meetings.Request(branch, "bad-m1"), Secretary(branch))).Record;

        async Task<string[]> FieldsOf(ReviewRecordRequest request)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => _ledger.ReviewRecordAsync(request, Office).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            return [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order()];
        }

        Assert.Equal(["reason", "record_id"], await FieldsOf(Review(branch, "meeting-1", ReviewVerdict.Returned, "  ")));
        Assert.Equal(["verdict"], await FieldsOf(Review(branch, meeting.RecordId, ReviewVerdict.Unspecified)));
        Assert.Equal(["verdict"], await FieldsOf(Review(branch, meeting.RecordId, (ReviewVerdict)9)));
        Assert.Equal(["reason"], await FieldsOf(Review(branch, meeting.RecordId, ReviewVerdict.Returned, new string('退', 501))));
        Assert.Equal(["request_id"], await FieldsOf(Review(branch, meeting.RecordId, ReviewVerdict.Read, "", "")));
        var queue = await Assert.ThrowsAsync<RpcException>(() =>
            _ledger.ListReviewQueueAsync(new ListReviewQueueRequest { NodeId = branch, State = (ReviewQueueFilter)7, Year = 1999 }, Office).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, queue.StatusCode);
        Assert.Equal(["state", "year"], queue.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order());

        var waiting = Assert.Single(await QueueAsync(branch, ReviewQueueFilter.Waiting, Office));
        Assert.Equal(ReviewState.Waiting, waiting.Review.State);
        Assert.Equal("", waiting.Review.ReviewedBy);
    }

    [Fact]
    public async Task The_queue_pages_and_its_token_is_bound_to_the_listing()
    {
        const string branch = "review-pages";
        await fixture.EnsureAsync(Tenant, branch, members: 20);
        for (var day = 1; day <= 5; day++)
        {
            await _ledger.RecordMeetingAsync(Meetings.Request(branch, $"page-{day}", day), Secretary(branch));
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await _ledger.ListReviewQueueAsync(
                new ListReviewQueueRequest { NodeId = branch, State = ReviewQueueFilter.Waiting, PageSize = 2, PageToken = token }, Office);
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(i => i.Record.RecordId));
            token = page.NextPageToken;
            if (token.Length > 0)
            {
                var misused = await Assert.ThrowsAsync<RpcException>(() => _ledger.ListReviewQueueAsync(
                    new ListReviewQueueRequest { NodeId = branch, State = ReviewQueueFilter.Answered, PageToken = token }, Office).ResponseAsync);
                Assert.Equal(StatusCode.InvalidArgument, misused.StatusCode);
            }
        }
        while (token.Length > 0);

        Assert.Equal(["rec-1", "rec-2", "rec-3", "rec-4", "rec-5"], seen);
    }

    [Fact]
    public async Task Reviews_are_sealed_with_their_record_and_a_sealed_record_takes_no_more_reviews()
    {
        const string branch = "review-sealed";
        await fixture.EnsureAsync(Tenant, branch, members: 20);
        var secretary = Secretary(branch);
        var request = Meetings.Request(branch, "sealed-m1");
        request.Meeting.Date = new Google.Type.Date { Year = 2025, Month = 6, Day = 10 };
        var meeting = (await _ledger.RecordMeetingAsync(request, secretary)).Record;
        await _ledger.ReviewRecordAsync(Review(branch, meeting.RecordId, ReviewVerdict.Returned, Reason), Office);
        await _ledger.VoidRecordAsync(new VoidRecordRequest { NodeId = branch, RequestId = "sealed-void", RecordId = meeting.RecordId, Reason = "误录" }, secretary);
        await _ledger.SealYearAsync(new SealYearRequest { NodeId = branch, Year = 2025, RequestId = "sealed-2025" }, Office);

        var history = await _ledger.GetRecordAsync(new GetRecordRequest { NodeId = branch, RecordId = meeting.RecordId }, Office);
        Assert.Equal(ReviewState.Answered, history.Review.State);
        Assert.Equal(2, history.Corrections.Count);
        var sealedQueue = await _ledger.ListReviewQueueAsync(new ListReviewQueueRequest { NodeId = branch, Year = 2025, State = ReviewQueueFilter.Answered }, Office);
        Assert.Equal(meeting.RecordId, Assert.Single(sealedQueue.Items).Record.RecordId);
        Assert.Empty(await QueueAsync(branch, ReviewQueueFilter.Unspecified, Office));

        var refused = await Assert.ThrowsAsync<RpcException>(() => _ledger.ReviewRecordAsync(Review(branch, meeting.RecordId, ReviewVerdict.Read), Office).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("YEAR_SEALED", refused.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
    }
}
