using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Gateway;

/// <summary>Sealing a finished year into its archive, over real gRPC against a real cluster on PostgreSQL.</summary>
public sealed class SealYearTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Tenant = "tenant-sealing";
    private static readonly Metadata Caller = GatewayHost.As(Tenant, "secretary");
    private readonly LedgerService.LedgerServiceClient _ledger = fixture.Ledger;

    private static Google.Type.Date D(int y, int m, int d) => new() { Year = y, Month = m, Day = d };

    private static RecordMeetingRequest Meeting(string node, string id, Google.Type.Date date, string topic = "支委会：研究季度工作") => new()
    {
        NodeId = node,
        RequestId = id,
        Meeting = new Meeting { Kind = MeetingKind.BranchCommitteeMeeting, Date = date, Topic = topic, Attendees = 5, ExpectedAttendees = 7 },
    };

    // 2025: twelve committee meetings, a voided one, an amended one, a verified duty, an open duty and
    // an open finding; 2026: two meetings. Returns the node id.
    private async Task<string> LedgerWithTwoYears(string node)
    {
        await fixture.EnsureAsync(Tenant, node, members: 10);
        for (var month = 1; month <= 12; month++)
        {
            await _ledger.RecordMeetingAsync(Meeting(node, $"m-2025-{month}", D(2025, month, 10)), Caller);
        }

        var extra = await _ledger.RecordMeetingAsync(Meeting(node, "m-2025-extra", D(2025, 6, 20)), Caller);
        await _ledger.VoidRecordAsync(new VoidRecordRequest { NodeId = node, RequestId = "void-extra", RecordId = extra.Record.RecordId, Reason = "重复录入" }, Caller);
        var first = (await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = node, PageSize = 1 }, Caller)).Records[0];
        await _ledger.AmendRecordAsync(new AmendRecordRequest
        {
            NodeId = node, RequestId = "amend-jan", RecordId = first.RecordId, Reason = "议题补全",
            Replacement = new RecordBody { Meeting = new Meeting { Kind = MeetingKind.BranchCommitteeMeeting, Date = D(2025, 1, 10), Topic = "支委会：研究年度计划", Attendees = 6, ExpectedAttendees = 7 } },
        }, Caller);

        await _ledger.CreateDutyItemAsync(new() { NodeId = node, RequestId = "duty-done", DutyItem = new DutyItem { Date = D(2025, 1, 5), DutyId = "plan-2025", Duty = "年度计划", Actor = ActorClass.Body, Owner = "支委", Due = D(2025, 2, 28) } }, Caller);
        await _ledger.UpdateDutyItemStatusAsync(new() { NodeId = node, RequestId = "duty-done-1", DutyProgress = new DutyProgress { Date = D(2025, 2, 20), DutyId = "plan-2025", Status = DutyStatus.Done } }, Caller);
        await _ledger.UpdateDutyItemStatusAsync(new() { NodeId = node, RequestId = "duty-done-2", DutyProgress = new DutyProgress { Date = D(2025, 2, 21), DutyId = "plan-2025", Status = DutyStatus.Verified, Verifier = "书记" } }, Caller);
        await _ledger.CreateDutyItemAsync(new() { NodeId = node, RequestId = "duty-open", DutyItem = new DutyItem { Date = D(2025, 3, 1), DutyId = "talks-2025", Duty = "谈心谈话", Actor = ActorClass.MemberDualDuty, Owner = "委员", Due = D(2025, 12, 31) } }, Caller);
        await _ledger.RaiseFindingAsync(new() { NodeId = node, RequestId = "finding-open", Finding = new Finding { Date = D(2025, 5, 1), FindingId = "f-1", Source = "2025年巡察", Finding_ = "台账不全", Measures = { "补齐台账" }, ResponsiblePerson = "委员", ResponsibleLeader = "书记", Type = RemediationType.ByDeadline, Deadline = D(2025, 8, 31) } }, Caller);

        await _ledger.RecordMeetingAsync(Meeting(node, "m-2026-1", D(2026, 1, 10)), Caller);
        await _ledger.RecordMeetingAsync(Meeting(node, "m-2026-2", D(2026, 2, 10)), Caller);
        return node;
    }

    private async Task<List<LedgerRecord>> All(string node, int year = 0, bool history = false)
    {
        var records = new List<LedgerRecord>();
        var token = "";
        do
        {
            var page = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = node, Year = year, IncludeHistory = history, PageSize = 7, PageToken = token }, Caller);
            records.AddRange(page.Records);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return records;
    }

    private static Func<Task> Call<T>(AsyncUnaryCall<T> call) => () => call.ResponseAsync;

    [Fact]
    public async Task Sealing_moves_finished_records_to_the_archive_and_carries_open_work_forward()
    {
        var node = await LedgerWithTwoYears("branch-seal-a");
        var complianceBefore = await _ledger.GetComplianceAsync(new GetComplianceRequest { NodeId = node, Period = "2025" }, Caller);
        var historyBefore = await All(node, history: true);

        var sealedNow = await _ledger.SealYearAsync(new SealYearRequest { NodeId = node, Year = 2025, RequestId = "seal-2025" }, Caller);

        // 12 meetings, the voided one and its void, the amendment, and the 3 records of the verified duty.
        Assert.Equal(18, sealedNow.SealedRecords);
        Assert.Equal(2, sealedNow.CarriedForwardRecords);
        Assert.Equal(4, sealedNow.LiveRecords);
        Assert.Equal([2025], sealedNow.SealedYears);
        Assert.False(sealedNow.Replayed);

        var live = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = node, PageSize = 100 }, Caller);
        Assert.Equal(["duty_item", "finding", "meeting", "meeting"], live.Records.Select(r => r.BodyCase.ToString().ToSnake()));
        Assert.Equal([2025], live.SealedYears);

        // The year reads as before: its archive merged with what was carried forward.
        var year = await All(node, 2025, history: true);
        Assert.Equal(historyBefore.Where(r => r.Date().Year == 2025 || r.Correction is not null).Select(r => r.RecordId), year.Select(r => r.RecordId));
        var complianceAfter = await _ledger.GetComplianceAsync(new GetComplianceRequest { NodeId = node, Period = "2025" }, Caller);
        Assert.Equal(complianceBefore.Rows, complianceAfter.Rows);
        Assert.Equal(12, complianceAfter.Rows.Where(r => r.RuleId == "branch-committee-meeting").Sum(r => r.Counted));
        var amended = await _ledger.GetRecordAsync(new GetRecordRequest { NodeId = node, RecordId = year[0].RecordId }, Caller);
        Assert.Equal("支委会：研究年度计划", amended.Record.Current.Meeting.Topic);
        Assert.Single(amended.Corrections);

        // Open work keeps running; sequences are never reused.
        await _ledger.UpdateDutyItemStatusAsync(new() { NodeId = node, RequestId = "duty-open-1", DutyProgress = new DutyProgress { Date = D(2026, 3, 1), DutyId = "talks-2025", Status = DutyStatus.InProgress } }, Caller);
        var next = await _ledger.RecordMeetingAsync(Meeting(node, "m-2026-3", D(2026, 3, 10)), Caller);
        Assert.True(LedgerSequence(next.Record.RecordId) > historyBefore.Max(r => LedgerSequence(r.RecordId)));
        var duties = await _ledger.ListDutyItemsAsync(new ListDutyItemsRequest { NodeId = node }, Caller);
        Assert.Equal(["talks-2025"], duties.Items.Select(i => i.Item.DutyId));
    }

    [Fact]
    public async Task Writes_acknowledged_before_a_seal_are_still_answered_and_never_counted_twice()
    {
        var node = await LedgerWithTwoYears("branch-seal-b");
        var original = await _ledger.RecordMeetingAsync(Meeting(node, "m-2025-5", D(2025, 5, 10)), Caller);
        Assert.True(original.Replayed);
        await _ledger.SealYearAsync(new SealYearRequest { NodeId = node, Year = 2025, RequestId = "seal" }, Caller);

        var retried = await _ledger.RecordMeetingAsync(Meeting(node, "m-2025-5", D(2025, 5, 10)), Caller);
        Assert.True(retried.Replayed);
        Assert.Equal(original.Record, retried.Record);

        var imported = await _ledger.ImportRecordsAsync(new ImportRecordsRequest
        {
            NodeId = node,
            Rows = { new ImportRow { RequestId = "m-2025-7", Body = new RecordBody { Meeting = Meeting(node, "x", D(2025, 7, 10)).Meeting } } },
        }, Caller);
        Assert.Equal(ImportOutcome.Duplicate, Assert.Single(imported.Results).Outcome);

        var reused = await Assert.ThrowsAsync<RpcException>(Call(_ledger.RecordMeetingAsync(Meeting(node, "m-2025-5", D(2025, 5, 11)), Caller)));
        Assert.Equal(StatusCode.FailedPrecondition, reused.StatusCode);
        Assert.Equal(12, (await All(node, 2025)).Count(r => r.BodyCase == LedgerRecord.BodyOneofCase.Meeting));
    }

    [Fact]
    public async Task A_sealed_year_takes_no_new_records_corrections_or_steps()
    {
        var node = await LedgerWithTwoYears("branch-seal-c");
        await _ledger.SealYearAsync(new SealYearRequest { NodeId = node, Year = 2025, RequestId = "seal" }, Caller);
        var sealedRecord = (await All(node, 2025))[1];

        var late = await Assert.ThrowsAsync<RpcException>(Call(_ledger.RecordMeetingAsync(Meeting(node, "late", D(2025, 12, 30)), Caller)));
        var correction = await Assert.ThrowsAsync<RpcException>(Call(_ledger.VoidRecordAsync(
            new VoidRecordRequest { NodeId = node, RequestId = "void-sealed", RecordId = sealedRecord.RecordId, Reason = "误录" }, Caller)));
        var sealedDuty = await Assert.ThrowsAsync<RpcException>(Call(_ledger.CreateDutyItemAsync(new()
        {
            NodeId = node, RequestId = "reuse-duty", DutyItem = new DutyItem { Date = D(2026, 1, 5), DutyId = "plan-2025", Duty = "重复", Actor = ActorClass.Body, Owner = "支委", Due = D(2026, 2, 28) },
        }, Caller)));

        Assert.All([late, correction, sealedDuty], e => Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode));
        Assert.Equal("YEAR_SEALED", Failure(late));
        Assert.Equal("YEAR_SEALED", Failure(correction));
        Assert.Equal("DUTY_ITEM_STEP_REFUSED", Failure(sealedDuty));
        Assert.Equal(4, (await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = node, PageSize = 100 }, Caller)).Records.Count);
    }

    [Fact]
    public async Task Sealing_is_idempotent_and_refuses_years_that_have_not_ended()
    {
        var node = await LedgerWithTwoYears("branch-seal-d");
        var first = await _ledger.SealYearAsync(new SealYearRequest { NodeId = node, Year = 2025, RequestId = "seal-1" }, Caller);
        var replay = await _ledger.SealYearAsync(new SealYearRequest { NodeId = node, Year = 2025, RequestId = "seal-1" }, Caller);
        var again = await _ledger.SealYearAsync(new SealYearRequest { NodeId = node, Year = 2025, RequestId = "seal-2" }, Caller);

        Assert.True(replay.Replayed);
        Assert.Equal(first.SealedRecords, replay.SealedRecords);
        Assert.Equal(0, again.SealedRecords);
        Assert.Equal(first.LiveRecords, again.LiveRecords);

        var current = await Assert.ThrowsAsync<RpcException>(Call(_ledger.SealYearAsync(new SealYearRequest { NodeId = node, Year = DateTime.UtcNow.AddHours(8).Year, RequestId = "seal-now" }, Caller)));
        var bad = await Assert.ThrowsAsync<RpcException>(Call(_ledger.SealYearAsync(new SealYearRequest { NodeId = "Bad Node", Year = 1999, RequestId = "" }, Caller)));
        var conflict = await Assert.ThrowsAsync<RpcException>(Call(_ledger.SealYearAsync(new SealYearRequest { NodeId = node, Year = 2024, RequestId = "seal-1" }, Caller)));

        Assert.Equal(StatusCode.InvalidArgument, current.StatusCode);
        Assert.Equal(["year"], Fields(current));
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(["node_id", "request_id", "year"], Fields(bad).Order());
        Assert.Equal(StatusCode.FailedPrecondition, conflict.StatusCode);
    }

    private static long LedgerSequence(string recordId) => long.Parse(recordId["rec-".Length..], System.Globalization.CultureInfo.InvariantCulture);

    private static string Failure(RpcException e) =>
        Assert.Single(e.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations).Type;

    private static IEnumerable<string> Fields(RpcException e) =>
        e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field);
}

internal static class SealTestRecords
{
    public static string ToSnake(this string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static Google.Type.Date Date(this LedgerRecord record) => record.BodyCase switch
    {
        LedgerRecord.BodyOneofCase.Meeting => record.Meeting.Date,
        LedgerRecord.BodyOneofCase.DutyItem => record.DutyItem.Date,
        LedgerRecord.BodyOneofCase.DutyProgress => record.DutyProgress.Date,
        LedgerRecord.BodyOneofCase.Finding => record.Finding.Date,
        _ => new Google.Type.Date(),
    };
}
