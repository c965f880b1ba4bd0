using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Gateway;

/// <summary>LedgerService over real gRPC, through the gateway host, against a real cluster on PostgreSQL.</summary>
public sealed class LedgerServiceTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly LedgerService.LedgerServiceClient _ledger = fixture.Ledger;

    [Fact]
    public async Task A_recorded_meeting_is_listed_as_it_was_recorded()
    {
        await fixture.EnsureAsync("city-disabled-fed", "office-branch");
        var request = Meetings.Request("office-branch");
        var response = await _ledger.RecordMeetingAsync(request, GatewayHost.As("city-disabled-fed", "li-secretary"));

        var list = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "office-branch" }, GatewayHost.As("city-disabled-fed"));

        var record = Assert.Single(list.Records);
        Assert.Equal(response.Record, record);
        Assert.Equal("rec-1", record.RecordId);
        Assert.Equal("li-secretary", record.RecordedBy);
        Assert.Equal(request.RequestId, record.RequestId);
        Assert.Equal(request.Meeting, record.Meeting);
        Assert.Equal("", list.NextPageToken);
    }

    [Fact]
    public async Task The_same_request_id_twice_gives_one_record_and_the_same_answer()
    {
        await fixture.EnsureAsync("tenant-a", "branch-retry");
        var request = Meetings.Request("branch-retry", "retry-1");
        var first = await _ledger.RecordMeetingAsync(request, GatewayHost.As("tenant-a"));
        var second = await _ledger.RecordMeetingAsync(request, GatewayHost.As("tenant-a"));

        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal(first.Record, second.Record);
        var list = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "branch-retry" }, GatewayHost.As("tenant-a"));
        Assert.Single(list.Records);
    }

    [Fact]
    public async Task A_request_id_reused_for_another_meeting_fails_the_precondition()
    {
        await fixture.EnsureAsync("tenant-a", "branch-reuse");
        await _ledger.RecordMeetingAsync(Meetings.Request("branch-reuse", "reuse-1"), GatewayHost.As("tenant-a"));
        var other = Meetings.Request("branch-reuse", "reuse-1", day: 9);

        var error = await Assert.ThrowsAsync<RpcException>(() => _ledger.RecordMeetingAsync(other, GatewayHost.As("tenant-a")).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("REQUEST_ID_REUSED", error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
    }

    [Fact]
    public async Task Invalid_input_gets_every_field_violation_and_writes_nothing()
    {
        await fixture.EnsureAsync("tenant-a", "branch-invalid");
        var request = Meetings.Request("branch-invalid");
        request.RequestId = "";
        request.Meeting.Kind = (MeetingKind)404;
        request.Meeting.Date = new Google.Type.Date { Year = 2026, Month = 2, Day = 30 };
        request.Meeting.Topic = "nul\0";
        request.Meeting.Attendees = 9;

        var error = await Assert.ThrowsAsync<RpcException>(() => _ledger.RecordMeetingAsync(request, GatewayHost.As("tenant-a")).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order();
        Assert.Equal(["meeting.attendees", "meeting.date", "meeting.kind", "meeting.topic", "request_id"], fields);
        var list = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "branch-invalid" }, GatewayHost.As("tenant-a"));
        Assert.Empty(list.Records);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Upper")]
    [InlineData("a/b")]
    public async Task A_malformed_branch_id_is_an_invalid_argument(string branch)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _ledger.RecordMeetingAsync(Meetings.Request(branch), GatewayHost.As("tenant-a")).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("node_id", error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task A_missing_meeting_and_date_are_reported_as_fields()
    {
        var noMeeting = new RecordMeetingRequest { NodeId = "branch-x", RequestId = "x-1" };
        var error = await Assert.ThrowsAsync<RpcException>(() => _ledger.RecordMeetingAsync(noMeeting, GatewayHost.As("tenant-a")).ResponseAsync);

        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order();
        Assert.Equal(["meeting.date", "meeting.kind", "meeting.topic"], fields);
    }

    [Fact]
    public async Task Without_a_tenant_the_call_is_unauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "office-branch" }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Tenants_with_the_same_branch_id_keep_separate_ledgers()
    {
        await fixture.EnsureAsync("tenant-one", "shared-name");
        await fixture.EnsureAsync("tenant-two", "shared-name");
        await _ledger.RecordMeetingAsync(Meetings.Request("shared-name"), GatewayHost.As("tenant-one"));

        var other = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "shared-name" }, GatewayHost.As("tenant-two"));
        var own = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "shared-name" }, GatewayHost.As("tenant-one"));

        Assert.Empty(other.Records);
        Assert.Single(own.Records);
    }

    [Fact]
    public async Task Listing_pages_with_opaque_tokens_until_the_end()
    {
        await fixture.EnsureAsync("tenant-a", "paged");
        for (var i = 1; i <= 7; i++)
        {
            await _ledger.RecordMeetingAsync(Meetings.Request("paged", $"page-{i}", day: i), GatewayHost.As("tenant-a"));
        }

        var sequences = new List<long>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "paged", PageSize = 3, PageToken = token }, GatewayHost.As("tenant-a"));
            sequences.AddRange(page.Records.Select(r => r.Sequence));
            token = page.NextPageToken;
            pages++;
        }
        while (token != "");

        Assert.Equal(3, pages);
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L, 7L], sequences);
    }

    [Fact]
    public async Task Page_tokens_are_refused_when_forged_or_from_another_listing()
    {
        await fixture.EnsureAsync("tenant-a", "tok-a");
        await fixture.EnsureAsync("tenant-a", "tok-b");
        for (var i = 1; i <= 2; i++)
        {
            await _ledger.RecordMeetingAsync(Meetings.Request("tok-a", $"tok-{i}"), GatewayHost.As("tenant-a"));
        }

        var first = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "tok-a", PageSize = 1 }, GatewayHost.As("tenant-a"));
        Assert.NotEqual("", first.NextPageToken);

        foreach (var (branch, token) in new[] { ("tok-b", first.NextPageToken), ("tok-a", "not-a-token"), ("tok-a", "djF8LTV8dG9rLWF8RmFsc2V8") })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => _ledger.ListRecordsAsync(
                new ListRecordsRequest { NodeId = branch, PageToken = token }, GatewayHost.As("tenant-a")).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.Equal("page_token", error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        }
    }

    [Fact]
    public async Task Page_sizes_are_coerced_to_the_maximum_and_negative_ones_refused()
    {
        await fixture.EnsureAsync("tenant-a", "sizes");
        await _ledger.RecordMeetingAsync(Meetings.Request("sizes"), GatewayHost.As("tenant-a"));

        var big = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "sizes", PageSize = 100_000 }, GatewayHost.As("tenant-a"));
        var error = await Assert.ThrowsAsync<RpcException>(() => _ledger.ListRecordsAsync(
            new ListRecordsRequest { NodeId = "sizes", PageSize = -1 }, GatewayHost.As("tenant-a")).ResponseAsync);

        Assert.Single(big.Records);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task A_kind_is_refused_at_a_node_level_its_catalogue_entry_does_not_name()
    {
        await fixture.EnsureAsync("tenant-levels", "branch-levels");
        var office = GatewayHost.As("tenant-levels", "party-office");
        await fixture.Directory.CreateNodeAsync(
            new CreateNodeRequest { RequestId = "group-levels", NodeId = "group-levels", Kind = NodeKind.SmallGroup, Name = "第一党小组", ParentId = "branch-levels" }, office);
        AppendRecordRequest Document(string node) => new()
        {
            NodeId = node, RequestId = "doc-levels",
            DocumentIssued = new DocumentIssued { Kind = DocumentKind.Plan, Date = new Google.Type.Date { Year = 2026, Month = 2, Day = 20 }, Title = "2026年党建工作计划" },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => _ledger.AppendRecordAsync(Document("group-levels"), office).ResponseAsync);
        var accepted = await _ledger.AppendRecordAsync(Document("branch-levels"), office);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var violation = error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single();
        Assert.Equal(("RECORD_KIND_NOT_AT_NODE_LEVEL", "body"), (violation.Type, violation.Subject));
        Assert.Equal("党小组的台账不记录“发文”：只有党组（机关党委）、党总支、党支部的台账记录这类记录。", violation.Description);
        Assert.Empty((await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "group-levels" }, office)).Records);
        Assert.False(accepted.Replayed);
    }
}
