using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Gateway;

/// <summary>Ledgers belong to nodes of the directory: unknown, closed and roster rules, over real gRPC.</summary>
public sealed class LedgerDirectoryTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Tenant = "tenant-dir-rules";
    private static readonly Metadata Caller = GatewayHost.As(Tenant);
    private readonly LedgerService.LedgerServiceClient _ledger = fixture.Ledger;

    [Fact]
    public async Task A_node_missing_from_the_directory_has_no_ledger()
    {
        await fixture.EnsureAsync(Tenant, "known-branch");

        var write = await Assert.ThrowsAsync<RpcException>(() => _ledger.RecordMeetingAsync(Meetings.Request("ghost-branch"), Caller).ResponseAsync);
        var read = await Assert.ThrowsAsync<RpcException>(() => _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "ghost-branch" }, Caller).ResponseAsync);
        var otherTenant = await Assert.ThrowsAsync<RpcException>(() => _ledger.RecordMeetingAsync(Meetings.Request("known-branch"), GatewayHost.As("tenant-elsewhere")).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, write.StatusCode);
        Assert.Equal("ghost-branch", write.GetRpcStatus()!.GetDetail<ResourceInfo>().ResourceName);
        Assert.Equal(StatusCode.NotFound, read.StatusCode);
        Assert.Equal(StatusCode.NotFound, otherTenant.StatusCode);
    }

    [Fact]
    public async Task A_closed_node_keeps_its_history_and_takes_no_new_records_but_answers_retries()
    {
        await fixture.EnsureAsync(Tenant, "closing-branch");
        var first = Meetings.Request("closing-branch", "before-close");
        await _ledger.RecordMeetingAsync(first, Caller);

        await fixture.Directory.CloseNodeAsync(new CloseNodeRequest { RequestId = "close-it", NodeId = "closing-branch", Reason = "机构调整" }, Caller);

        var refused = await Assert.ThrowsAsync<RpcException>(() => _ledger.RecordMeetingAsync(Meetings.Request("closing-branch", "after-close"), Caller).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("NODE_CLOSED", refused.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
        Assert.True((await _ledger.RecordMeetingAsync(first, Caller)).Replayed);
        Assert.Single((await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "closing-branch" }, Caller)).Records);
    }

    [Fact]
    public async Task Attendance_above_the_roster_in_force_that_day_is_refused_as_soon_as_the_roster_is_set()
    {
        await fixture.EnsureAsync(Tenant, "roster-branch");
        var general = Meetings.Request("roster-branch", "general-1");
        general.Meeting.Kind = MeetingKind.BranchGeneralMeeting;
        general.Meeting.Attendees = 25;
        general.Meeting.ExpectedAttendees = 30;
        await _ledger.RecordMeetingAsync(general, Caller);

        // The ledger is active now; the directory pushes the new roster to it.
        await fixture.Directory.SetRosterAsync(new SetRosterRequest
        {
            RequestId = "roster-20", NodeId = "roster-branch", EffectiveFrom = new Google.Type.Date { Year = 2026, Month = 1, Day = 1 },
            CommitteeMembers = 5, Members = 20, VotingMembers = 18,
        }, Caller);

        var tooMany = Meetings.Request("roster-branch", "general-2");
        tooMany.Meeting.Kind = MeetingKind.BranchGeneralMeeting;
        tooMany.Meeting.Attendees = 25;
        tooMany.Meeting.ExpectedAttendees = 30;
        var error = await Assert.ThrowsAsync<RpcException>(() => _ledger.RecordMeetingAsync(tooMany, Caller).ResponseAsync);
        var violation = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single();
        Assert.Equal("meeting.attendees", violation.Field);
        Assert.Contains("20", violation.Description, StringComparison.Ordinal);

        // Lectures and symposia may include non-members: no roster limit there.
        var lecture = Meetings.Request("roster-branch", "lecture-1");
        lecture.Meeting.Kind = MeetingKind.SpecialLecture;
        lecture.Meeting.Attendees = 60;
        lecture.Meeting.ExpectedAttendees = 0;
        Assert.False((await _ledger.RecordMeetingAsync(lecture, Caller)).Replayed);
    }
}
