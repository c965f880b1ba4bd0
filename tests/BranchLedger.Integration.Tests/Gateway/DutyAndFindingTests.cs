using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Gateway;

/// <summary>The duty list and the findings workflow over real gRPC against a real cluster on PostgreSQL.</summary>
public sealed class DutyAndFindingTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly Metadata Caller = GatewayHost.As("tenant-duties", "party-office");

    // Whoever raised a finding or recorded its remediation cannot close it: the sign-off is another person's.
    private static readonly Metadata Inspector = GatewayHost.As("tenant-duties", "inspection-office");
    private readonly LedgerService.LedgerServiceClient _ledger = fixture.Ledger;

    private static Google.Type.Date D(int y, int m, int d) => new() { Year = y, Month = m, Day = d };

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static Google.Type.Date DaysFromToday(int days)
    {
        var d = Today.AddDays(days);
        return D(d.Year, d.Month, d.Day);
    }

    [Fact]
    public async Task A_duty_item_moves_forward_to_verified_and_overdue_is_derived()
    {
        const string node = "org-duty-list";
        await fixture.EnsureAsync("tenant-duties", node);
        await _ledger.CreateDutyItemAsync(new()
        {
            NodeId = node, RequestId = "d-1",
            DutyItem = new DutyItem { Date = D(2026, 1, 5), DutyId = "plan-2026", Duty = "印发年度党建工作计划", Actor = ActorClass.SecretaryFirstResponsible, Owner = "书记", Due = D(2026, 2, 28) },
        }, Caller);
        await _ledger.CreateDutyItemAsync(new()
        {
            NodeId = node, RequestId = "d-2",
            DutyItem = new DutyItem { Date = D(2026, 1, 5), DutyId = "future-duty", Duty = "年底述职", Actor = ActorClass.Body, Owner = "党组", Due = DaysFromToday(30) },
        }, Caller);

        var overdue = await _ledger.ListDutyItemsAsync(new ListDutyItemsRequest { NodeId = node, OverdueOnly = true }, Caller);
        var item = Assert.Single(overdue.Items);
        Assert.Equal("plan-2026", item.Item.DutyId);
        Assert.Equal(DutyStatus.Planned, item.Status);
        Assert.True(item.DaysOverdue > 0);

        await _ledger.UpdateDutyItemStatusAsync(new() { NodeId = node, RequestId = "d-3", DutyProgress = new DutyProgress { Date = D(2026, 2, 20), DutyId = "plan-2026", Status = DutyStatus.Done } }, Caller);
        await _ledger.UpdateDutyItemStatusAsync(new() { NodeId = node, RequestId = "d-4", DutyProgress = new DutyProgress { Date = D(2026, 2, 21), DutyId = "plan-2026", Status = DutyStatus.Verified, Verifier = "纪检组长" } }, Caller);

        var all = await _ledger.ListDutyItemsAsync(new ListDutyItemsRequest { NodeId = node }, Caller);
        Assert.Equal(["plan-2026", "future-duty"], all.Items.Select(i => i.Item.DutyId));
        Assert.Equal(DutyStatus.Verified, all.Items[0].Status);
        Assert.Equal("纪检组长", all.Items[0].Verifier);
        Assert.False(all.Items[0].Overdue);
        Assert.Empty((await _ledger.ListDutyItemsAsync(new ListDutyItemsRequest { NodeId = node, OverdueOnly = true }, Caller)).Items);
    }

    [Fact]
    public async Task Duty_steps_the_workflow_does_not_allow_are_refused()
    {
        const string node = "org-duty-refusals";
        await fixture.EnsureAsync("tenant-duties", node);
        await _ledger.CreateDutyItemAsync(new()
        {
            NodeId = node, RequestId = "r-1",
            DutyItem = new DutyItem { Date = D(2026, 1, 5), DutyId = "talks", Duty = "开展谈心谈话", Actor = ActorClass.MemberDualDuty, Owner = "委员", Due = D(2026, 12, 31) },
        }, Caller);

        var verifyTooEarly = await Assert.ThrowsAsync<RpcException>(() => _ledger.UpdateDutyItemStatusAsync(new()
        {
            NodeId = node, RequestId = "r-2", DutyProgress = new DutyProgress { Date = D(2026, 2, 1), DutyId = "talks", Status = DutyStatus.Verified, Verifier = "x" },
        }, Caller).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => _ledger.UpdateDutyItemStatusAsync(new()
        {
            NodeId = node, RequestId = "r-3", DutyProgress = new DutyProgress { Date = D(2026, 2, 1), DutyId = "nope", Status = DutyStatus.Done },
        }, Caller).ResponseAsync);
        var verifierMissing = await Assert.ThrowsAsync<RpcException>(() => _ledger.UpdateDutyItemStatusAsync(new()
        {
            NodeId = node, RequestId = "r-4", DutyProgress = new DutyProgress { Date = D(2026, 2, 1), DutyId = "talks", Status = DutyStatus.Verified },
        }, Caller).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, verifyTooEarly.StatusCode);
        Assert.Equal("DUTY_ITEM_STEP_REFUSED", verifyTooEarly.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, verifierMissing.StatusCode);
        Assert.Equal("duty_progress.verifier", verifierMissing.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        var history = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = node, IncludeHistory = true }, Caller);
        Assert.Single(history.Records);
    }

    [Fact]
    public async Task A_finding_closes_only_with_a_verifier_and_a_recheck_reopens_it()
    {
        const string node = "org-findings";
        await fixture.EnsureAsync("tenant-duties", node);
        await _ledger.RaiseFindingAsync(new()
        {
            NodeId = node, RequestId = "f-1",
            Finding = new Finding
            {
                Date = D(2026, 3, 1), FindingId = "inspection-2026-01", Source = "2026年市委第一轮巡察", Finding_ = "三会一课执行不够严格",
                Measures = { "制定整改方案", "建立台账" }, ResponsiblePerson = "机关党支部书记", ResponsibleLeader = "党组书记",
                Type = RemediationType.ByDeadline, Deadline = D(2026, 4, 30),
            },
        }, Caller);
        await _ledger.RecordFindingProgressAsync(new() { NodeId = node, RequestId = "f-2", FindingProgress = new FindingProgress { Date = D(2026, 4, 1), FindingId = "inspection-2026-01", Progress = "已建立三会一课台账" } }, Caller);

        var open = Assert.Single((await _ledger.ListFindingsAsync(new ListFindingsRequest { NodeId = node }, Caller)).Findings);
        Assert.False(open.Closed);
        Assert.True(open.Overdue);
        Assert.Equal(["已建立三会一课台账"], open.Progress);

        var noVerifier = await Assert.ThrowsAsync<RpcException>(() => _ledger.CloseFindingAsync(new()
        {
            NodeId = node, RequestId = "f-3", FindingClosure = new FindingClosure { Date = D(2026, 4, 20), FindingId = "inspection-2026-01" },
        }, Caller).ResponseAsync);
        Assert.Equal("finding_closure.verifier", noVerifier.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);

        await _ledger.CloseFindingAsync(new() { NodeId = node, RequestId = "f-4", FindingClosure = new FindingClosure { Date = D(2026, 4, 20), FindingId = "inspection-2026-01", Verifier = "巡察办" } }, Inspector);
        var closed = Assert.Single((await _ledger.ListFindingsAsync(new ListFindingsRequest { NodeId = node }, Caller)).Findings);
        Assert.True(closed.Closed);
        Assert.False(closed.Overdue);
        Assert.Equal("巡察办", closed.Verifier);

        var progressWhenClosed = await Assert.ThrowsAsync<RpcException>(() => _ledger.RecordFindingProgressAsync(new()
        {
            NodeId = node, RequestId = "f-5", FindingProgress = new FindingProgress { Date = D(2026, 5, 1), FindingId = "inspection-2026-01", Progress = "补充" },
        }, Caller).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, progressWhenClosed.StatusCode);

        await _ledger.ReopenFindingAsync(new() { NodeId = node, RequestId = "f-6", FindingReopening = new FindingReopening { Date = D(2026, 6, 1), FindingId = "inspection-2026-01", Reason = "回头看发现问题反弹" } }, Caller);
        var reopened = Assert.Single((await _ledger.ListFindingsAsync(new ListFindingsRequest { NodeId = node, OverdueOnly = true }, Caller)).Findings);
        Assert.False(reopened.Closed);
        Assert.Equal(1, reopened.Reopened);
    }

    [Fact]
    public async Task Finding_deadlines_follow_the_remediation_type()
    {
        const string node = "org-finding-types";
        await fixture.EnsureAsync("tenant-duties", node);
        async Task<string[]> FieldsOf(RemediationType type, Google.Type.Date? deadline)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => _ledger.RaiseFindingAsync(new()
            {
                NodeId = node, RequestId = Guid.NewGuid().ToString(),
                Finding = new Finding { Date = D(2026, 3, 1), FindingId = "f-typed", Source = "巡察", Finding_ = "问题", Measures = { "措施" }, ResponsiblePerson = "甲", Type = type, Deadline = deadline },
            }, Caller).ResponseAsync);
            return [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field)];
        }

        Assert.Equal(["finding.deadline"], await FieldsOf(RemediationType.FixNow, null));
        Assert.Equal(["finding.deadline"], await FieldsOf(RemediationType.Ongoing, D(2026, 5, 1)));
        Assert.Equal(["finding.type"], await FieldsOf(RemediationType.Unspecified, null));

        await _ledger.RaiseFindingAsync(new()
        {
            NodeId = node, RequestId = "ongoing",
            Finding = new Finding { Date = D(2026, 3, 1), FindingId = "ongoing-1", Source = "巡察", Finding_ = "长期坚持事项", Measures = { "持续抓" }, ResponsiblePerson = "甲", Type = RemediationType.Ongoing },
        }, Caller);
        var listed = Assert.Single((await _ledger.ListFindingsAsync(new ListFindingsRequest { NodeId = node }, Caller)).Findings);
        Assert.False(listed.Overdue);
        Assert.Null(listed.Finding.Deadline);
    }

    [Fact]
    public async Task Voiding_a_step_takes_it_out_of_the_workflow()
    {
        const string node = "org-duty-void";
        await fixture.EnsureAsync("tenant-duties", node);
        await _ledger.CreateDutyItemAsync(new()
        {
            NodeId = node, RequestId = "v-1",
            DutyItem = new DutyItem { Date = D(2026, 1, 5), DutyId = "review", Duty = "听取党建汇报", Actor = ActorClass.Body, Owner = "党组", Due = D(2026, 3, 31) },
        }, Caller);
        var done = await _ledger.UpdateDutyItemStatusAsync(new() { NodeId = node, RequestId = "v-2", DutyProgress = new DutyProgress { Date = D(2026, 3, 1), DutyId = "review", Status = DutyStatus.Done } }, Caller);

        await _ledger.VoidRecordAsync(new VoidRecordRequest { NodeId = node, RequestId = "v-3", RecordId = done.Record.RecordId, Reason = "误报完成" }, Caller);

        var item = Assert.Single((await _ledger.ListDutyItemsAsync(new ListDutyItemsRequest { NodeId = node }, Caller)).Items);
        Assert.Equal(DutyStatus.Planned, item.Status);
        Assert.True(item.Overdue);
    }
}
