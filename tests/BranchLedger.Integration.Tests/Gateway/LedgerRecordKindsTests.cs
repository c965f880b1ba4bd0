using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Gateway;

/// <summary>Every record RPC, corrections and history over real gRPC against a real cluster on PostgreSQL.</summary>
public sealed class LedgerRecordKindsTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly Google.Type.Date Day = new() { Year = 2026, Month = 6, Day = 18 };
    private static readonly Metadata Caller = GatewayHost.As("tenant-kinds", "wang-secretary");
    private readonly LedgerService.LedgerServiceClient _ledger = fixture.Ledger;

    // The organisation holds every built-in kind but the branch's own meetings (支委会 is a branch's): its meeting is a 党组会.
    private static RecordMeetingRequest LeadershipMeeting(string node, string requestId)
    {
        var request = Meetings.Request(node, requestId);
        request.Meeting.Kind = MeetingKind.PartyGroupMeeting;
        request.Meeting.Topic = "党组会：研究年度党建工作";
        return request;
    }

    private static Evidence Pdf() => new() { Uri = "https://oa.example/files/42.pdf", Sha256 = new string('a', 64), MediaType = "application/pdf" };

    [Fact]
    public async Task Every_kind_of_record_is_recorded_and_read_back_unchanged()
    {
        const string node = "org-all-kinds";
        await fixture.EnsureAsync("tenant-kinds", node);
        var talk = new Talk { Kind = TalkKind.Integrity, Date = Day, Topic = "节前廉政谈话", People = 12 };
        var review = new QuarterlyReview { Date = Day, Topic = "二季度党建工作汇报", Reporter = "机关党委书记" };
        var service = new CommunityService { Kind = CommunityServiceKind.MembersReporting, Date = Day, Topic = "在职党员到社区报到", Members = 31, Community = "东城社区" };
        var risk = new RiskPoint { Date = Day, RiskPoint_ = "辅具采购", Measures = { "集体决策", "公开招标", "全程留痕" } };
        var brand = new BrandProject { Date = Day, Name = "辅具服务", Level = RecognitionLevel.National, Status = BrandStatus.Recognised };
        var honour = new Honour { Date = Day, Title = "人民满意的公务员", Recipient = "张某", RecipientKind = RecipientKind.Person, Level = RecognitionLevel.National, AwardedBy = "国家" };
        var campaign = new Campaign { Date = Day, Name = "模范机关创建", Status = CampaignStatus.InProgress, Level = RecognitionLevel.City };
        var self = new SelfAssessment { Date = Day, Year = 2026, Section = SelfAssessmentSection.Cause, Order = 2, Text = "理论学习与实际工作结合不够紧密" };

        var recorded = new List<LedgerRecord>
        {
            (await _ledger.RecordMeetingAsync(LeadershipMeeting(node, "k-meeting"), Caller)).Record,
            (await _ledger.RecordTalkAsync(new() { NodeId = node, RequestId = "k-talk", Talk = talk, Evidence = { Pdf() } }, Caller)).Record,
            (await _ledger.RecordQuarterlyReviewAsync(new() { NodeId = node, RequestId = "k-review", QuarterlyReview = review }, Caller)).Record,
            (await _ledger.RecordCommunityServiceAsync(new() { NodeId = node, RequestId = "k-service", CommunityService = service }, Caller)).Record,
            (await _ledger.RecordRiskPointAsync(new() { NodeId = node, RequestId = "k-risk", RiskPoint = risk }, Caller)).Record,
            (await _ledger.RecordBrandProjectAsync(new() { NodeId = node, RequestId = "k-brand", BrandProject = brand }, Caller)).Record,
            (await _ledger.RecordHonourAsync(new() { NodeId = node, RequestId = "k-honour", Honour = honour }, Caller)).Record,
            (await _ledger.RecordCampaignAsync(new() { NodeId = node, RequestId = "k-campaign", Campaign = campaign }, Caller)).Record,
            (await _ledger.RecordSelfAssessmentAsync(new() { NodeId = node, RequestId = "k-self", SelfAssessment = self }, Caller)).Record,
        };

        var listed = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = node }, Caller);

        Assert.Equal(recorded, listed.Records);
        Assert.Equal(talk, listed.Records[1].Talk);
        Assert.Equal(Pdf(), Assert.Single(listed.Records[1].Evidence));
        Assert.Equal(risk, listed.Records[4].RiskPoint);
        Assert.Equal(self, listed.Records[8].SelfAssessment);
        Assert.All(listed.Records, r => Assert.Equal("wang-secretary", r.RecordedBy));
        Assert.All(listed.Records, r => Assert.Equal(RecordStatus.Active, r.Status));

        var talks = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = node, Kind = "talk" }, Caller);
        Assert.Equal(["k-talk"], talks.Records.Select(r => r.RequestId));
    }

    [Fact]
    public async Task Void_and_amend_keep_the_history_and_change_the_current_view()
    {
        const string node = "branch-corrections";
        await fixture.EnsureAsync("tenant-kinds", node);
        await _ledger.RecordMeetingAsync(Meetings.Request(node, "c-m1", day: 1), Caller);
        await _ledger.RecordMeetingAsync(Meetings.Request(node, "c-m2", day: 2), Caller);
        var corrected = Meetings.Request(node, "unused", day: 2).Meeting;
        corrected.Attendees = 5;

        var voided = await _ledger.VoidRecordAsync(new VoidRecordRequest { NodeId = node, RequestId = "c-void", RecordId = "rec-1", Reason = "重复录入" }, Caller);
        var amended = await _ledger.AmendRecordAsync(new AmendRecordRequest
        {
            NodeId = node, RequestId = "c-amend", RecordId = "rec-2", Reason = "出席人数录错",
            Replacement = new RecordBody { Meeting = corrected },
        }, Caller);

        Assert.Equal("rec-1", voided.Record.Correction.RecordId);
        Assert.Null(voided.Record.Correction.Replacement);
        Assert.Equal(corrected, amended.Record.Correction.Replacement.Meeting);

        var current = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = node }, Caller);
        var only = Assert.Single(current.Records);
        Assert.Equal("rec-2", only.RecordId);
        Assert.Equal(RecordStatus.Amended, only.Status);
        Assert.Equal(6, only.Meeting.Attendees);
        Assert.Equal(5, only.Current.Meeting.Attendees);

        var history = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = node, IncludeHistory = true }, Caller);
        Assert.Equal(["rec-1", "rec-2", "rec-3", "rec-4"], history.Records.Select(r => r.RecordId));
        Assert.Equal(RecordStatus.Voided, history.Records[0].Status);

        var one = await _ledger.GetRecordAsync(new GetRecordRequest { NodeId = node, RecordId = "rec-2" }, Caller);
        Assert.Equal("c-amend", Assert.Single(one.Corrections).RequestId);
        Assert.Equal("wang-secretary", one.Corrections[0].RecordedBy);
    }

    [Fact]
    public async Task Corrections_of_missing_void_or_other_kind_records_are_refused()
    {
        const string node = "branch-refusals";
        await fixture.EnsureAsync("tenant-kinds", node);
        await _ledger.RecordMeetingAsync(Meetings.Request(node, "r-m1"), Caller);
        await _ledger.VoidRecordAsync(new VoidRecordRequest { NodeId = node, RequestId = "r-void", RecordId = "rec-1", Reason = "作废" }, Caller);

        var missing = await Assert.ThrowsAsync<RpcException>(() => _ledger.VoidRecordAsync(
            new VoidRecordRequest { NodeId = node, RequestId = "r-missing", RecordId = "rec-99", Reason = "无" }, Caller).ResponseAsync);
        var again = await Assert.ThrowsAsync<RpcException>(() => _ledger.VoidRecordAsync(
            new VoidRecordRequest { NodeId = node, RequestId = "r-again", RecordId = "rec-1", Reason = "再作废" }, Caller).ResponseAsync);
        var noGet = await Assert.ThrowsAsync<RpcException>(() => _ledger.GetRecordAsync(
            new GetRecordRequest { NodeId = node, RecordId = "rec-42" }, Caller).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal("rec-99", missing.GetRpcStatus()!.GetDetail<ResourceInfo>().ResourceName);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Equal("CORRECTION_REFUSED", again.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
        Assert.Equal(StatusCode.NotFound, noGet.StatusCode);
        var history = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = node, IncludeHistory = true }, Caller);
        Assert.Equal(2, history.Records.Count);
    }

    [Fact]
    public async Task Bad_values_of_every_kind_are_field_violations_and_write_nothing()
    {
        const string node = "branch-bad-values";
        await fixture.EnsureAsync("tenant-kinds", node);
        async Task<string[]> FieldsOf(Func<Task> call)
        {
            var error = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            return [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order()];
        }

        Assert.Equal(["talk.person_a", "talk.person_b"], await FieldsOf(() => _ledger.RecordTalkAsync(
            new() { NodeId = node, RequestId = "b-1", Talk = new Talk { Kind = TalkKind.HeartToHeart, Date = Day, Topic = "谈心" } }, Caller).ResponseAsync));
        Assert.Equal(["talk.kind", "talk.people"], await FieldsOf(() => _ledger.RecordTalkAsync(
            new() { NodeId = node, RequestId = "b-2", Talk = new Talk { Kind = (TalkKind)77, Date = Day, Topic = "x" } }, Caller).ResponseAsync));
        Assert.Equal(["risk_point.measures"], await FieldsOf(() => _ledger.RecordRiskPointAsync(
            new() { NodeId = node, RequestId = "b-3", RiskPoint = new RiskPoint { Date = Day, RiskPoint_ = "采购" } }, Caller).ResponseAsync));
        Assert.Equal(["honour.level", "honour.recipient", "honour.recipient_kind"], await FieldsOf(() => _ledger.RecordHonourAsync(
            new() { NodeId = node, RequestId = "b-4", Honour = new Honour { Date = Day, Title = "先进" } }, Caller).ResponseAsync));
        Assert.Equal(["self_assessment.order", "self_assessment.section", "self_assessment.year"], await FieldsOf(() => _ledger.RecordSelfAssessmentAsync(
            new() { NodeId = node, RequestId = "b-5", SelfAssessment = new SelfAssessment { Date = Day, Text = "问题" } }, Caller).ResponseAsync));
        Assert.Equal(["evidence[0].sha256"], await FieldsOf(() => _ledger.RecordMeetingAsync(
            new() { NodeId = node, RequestId = "b-6", Meeting = Meetings.Request().Meeting, Evidence = { new Evidence { Uri = "https://x.example/a.pdf", MediaType = "application/pdf" } } }, Caller).ResponseAsync));
        Assert.Equal(["meeting.lecturer"], await FieldsOf(() => _ledger.RecordMeetingAsync(
            new() { NodeId = node, RequestId = "b-7", Meeting = WithLecturer(Meetings.Request().Meeting) }, Caller).ResponseAsync));
        Assert.Equal(["reason", "record_id"], await FieldsOf(() => _ledger.VoidRecordAsync(
            new VoidRecordRequest { NodeId = node, RequestId = "b-8", RecordId = "17" }, Caller).ResponseAsync));
        Assert.Equal(["replacement"], await FieldsOf(() => _ledger.AmendRecordAsync(
            new AmendRecordRequest { NodeId = node, RequestId = "b-9", RecordId = "rec-1", Reason = "改" }, Caller).ResponseAsync));
        Assert.Equal(["kind"], await FieldsOf(() => _ledger.ListRecordsAsync(
            new ListRecordsRequest { NodeId = node, Kind = "gossip" }, Caller).ResponseAsync));

        var history = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = node, IncludeHistory = true }, Caller);
        Assert.Empty(history.Records);
    }

    [Fact]
    public async Task Every_write_rpc_is_idempotent_on_its_request_id()
    {
        // An organisation's: the quarterly review is the party group's (a branch is refused it).
        const string node = "org-idempotent";
        await fixture.EnsureAsync("tenant-kinds", node);
        var review = new RecordQuarterlyReviewRequest { NodeId = node, RequestId = "i-review", QuarterlyReview = new QuarterlyReview { Date = Day, Topic = "汇报" } };
        var first = await _ledger.RecordQuarterlyReviewAsync(review, Caller);
        var again = await _ledger.RecordQuarterlyReviewAsync(review, Caller);
        var voiding = new VoidRecordRequest { NodeId = node, RequestId = "i-void", RecordId = first.Record.RecordId, Reason = "作废" };
        var voidFirst = await _ledger.VoidRecordAsync(voiding, Caller);
        var voidAgain = await _ledger.VoidRecordAsync(voiding, Caller);

        Assert.True(again.Replayed);
        Assert.Equal(first.Record, again.Record);
        Assert.True(voidAgain.Replayed);
        Assert.Equal(voidFirst.Record, voidAgain.Record);
        var history = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = node, IncludeHistory = true }, Caller);
        Assert.Equal(2, history.Records.Count);
    }

    private static Meeting WithLecturer(Meeting meeting)
    {
        meeting.Lecturer = "书记";
        return meeting;
    }
}
