using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Npgsql;

namespace BranchLedger.Integration.Tests.Gateway;

/// <summary>
/// Attendance ticked against the roster, over real gRPC against a real cluster on PostgreSQL: counts
/// only by default (names sent are dropped before anything is stored), names when the tenant keeps them.
/// </summary>
public sealed class AttendanceTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Node = "attendance-branch";
    private readonly LedgerService.LedgerServiceClient _ledger = fixture.Ledger;

    private static Google.Type.Date D(int y, int m, int d) => new() { Year = y, Month = m, Day = d };

    // 7 of 10 present: 张 on sick leave, 李 on official duty, 王 on personal leave. Names carry a marker
    // unique to the test run so the storage can be searched for them.
    private static RecordMeetingRequest GeneralMeeting(string requestId, string marker, int attendees = 7, int expected = 10)
    {
        var meeting = new Meeting
        {
            Kind = MeetingKind.BranchGeneralMeeting, Date = D(2026, 3, 10), Topic = "支部党员大会：学习传达全会精神",
            Attendees = attendees, ExpectedAttendees = expected,
            Absences =
            {
                new Absence { Reason = AbsenceReason.SickLeave, Name = "张" + marker },
                new Absence { Reason = AbsenceReason.OfficialDuty, Name = "李" + marker },
                new Absence { Reason = AbsenceReason.PersonalLeave, Name = "王" + marker, Note = "家中有事" },
            },
        };
        meeting.AttendeeNames.AddRange(Enumerable.Range(1, attendees).Select(i => $"党员{i}{marker}"));
        return new RecordMeetingRequest { NodeId = Node, RequestId = requestId, Meeting = meeting };
    }

    [Fact]
    public async Task By_default_counts_and_reasons_are_kept_and_no_name_reaches_the_record_or_the_audit_trail()
    {
        var tenant = "attend-counts-" + Guid.NewGuid().ToString("N")[..6];
        var marker = Guid.NewGuid().ToString("N")[..10];
        var caller = GatewayHost.As(tenant, "party-office");
        await fixture.EnsureAsync(tenant, Node, members: 10);
        var profile = (await fixture.Directory.GetTenantAsync(new GetTenantRequest(), caller)).Tenant.Profile;
        Assert.Equal(AttendanceRecording.CountsOnly, profile.AttendanceRecording);

        var written = await _ledger.RecordMeetingAsync(GeneralMeeting("m-1", marker), caller);
        var read = (await _ledger.GetRecordAsync(new GetRecordRequest { NodeId = Node, RecordId = written.Record.RecordId }, caller)).Record;
        foreach (var meeting in new[] { written.Record.Meeting, read.Meeting })
        {
            Assert.Equal((7, 10), (meeting.Attendees, meeting.ExpectedAttendees));
            Assert.Equal([AbsenceReason.SickLeave, AbsenceReason.OfficialDuty, AbsenceReason.PersonalLeave], meeting.Absences.Select(a => a.Reason));
            Assert.All(meeting.Absences, a => Assert.Equal("", a.Name));
            Assert.Equal("家中有事", meeting.Absences[2].Note);
            Assert.Empty(meeting.AttendeeNames);
        }

        // A retry with the names again is the same write: answered, not refused as a different one.
        Assert.True((await _ledger.RecordMeetingAsync(GeneralMeeting("m-1", marker), caller)).Replayed);

        Assert.Equal(0, await RowsHolding(marker, StoredRowsHoldingSql));
        Assert.True(await RowsHolding(tenant, "select count(*) from branchledger_audit where tenant = @m and rpc like '%RecordMeeting'") >= 2);
        Assert.Equal(0, await RowsHolding(marker, "select count(*) from branchledger_audit where position(@m in concat_ws(' ', subject, request_id, rpc, targets, outcome)) > 0"));
    }

    [Fact]
    public async Task A_tenant_that_keeps_names_stores_and_shows_them()
    {
        var tenant = "attend-names-" + Guid.NewGuid().ToString("N")[..6];
        var marker = Guid.NewGuid().ToString("N")[..10];
        var caller = GatewayHost.As(tenant, "party-office");
        await fixture.EnsureAsync(tenant, Node, members: 10);
        var updated = await fixture.Directory.UpdateTenantProfileAsync(new UpdateTenantProfileRequest
        {
            RequestId = "keep-names",
            Profile = new TenantProfile { DisplayName = tenant, BodyKind = BodyKind.PeoplesOrganisation, AttendanceRecording = AttendanceRecording.Names },
        }, caller);
        Assert.Equal(AttendanceRecording.Names, updated.Tenant.Profile.AttendanceRecording);

        var written = await _ledger.RecordMeetingAsync(GeneralMeeting("m-1", marker), caller);
        var read = (await _ledger.GetRecordAsync(new GetRecordRequest { NodeId = Node, RecordId = written.Record.RecordId }, caller)).Record.Meeting;
        Assert.Equal(["张" + marker, "李" + marker, "王" + marker], read.Absences.Select(a => a.Name));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"党员{i}{marker}"), read.AttendeeNames);

        // The search that finds nothing for a counts-only tenant finds the names here.
        Assert.True(await RowsHolding(marker, StoredRowsHoldingSql) > 0);

        // Back to counts only: from then on names are dropped again.
        await fixture.Directory.UpdateTenantProfileAsync(new UpdateTenantProfileRequest
        {
            RequestId = "counts-again",
            Profile = new TenantProfile { DisplayName = tenant, BodyKind = BodyKind.PeoplesOrganisation, AttendanceRecording = AttendanceRecording.CountsOnly },
        }, caller);
        var later = GeneralMeeting("m-2", marker);
        later.Meeting.Date = D(2026, 4, 10);
        var again = (await _ledger.RecordMeetingAsync(later, caller)).Record.Meeting;
        Assert.Empty(again.AttendeeNames);
        Assert.All(again.Absences, a => Assert.Equal("", a.Name));
    }

    [Fact]
    public async Task Counts_that_do_not_follow_from_the_ticks_are_invalid_at_the_field()
    {
        const string tenant = "attend-invalid";
        var caller = GatewayHost.As(tenant, "party-office");
        await fixture.EnsureAsync(tenant, Node, members: 10);

        async Task<string[]> FieldsOf(RecordMeetingRequest request)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => _ledger.RecordMeetingAsync(request, caller).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            return [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field)];
        }

        Assert.Equal(["meeting.absences"], await FieldsOf(GeneralMeeting("bad-1", "x", attendees: 6, expected: 10)));

        var unspecified = GeneralMeeting("bad-2", "x");
        unspecified.Meeting.Absences[1].Reason = AbsenceReason.Unspecified;
        Assert.Equal(["meeting.absences[1].reason"], await FieldsOf(unspecified));

        // More ticked than the roster in force holds (10 members).
        var beyondRoster = GeneralMeeting("bad-3", "x", attendees: 9, expected: 0);
        Assert.Equal(["meeting.absences"], await FieldsOf(beyondRoster));
    }

    [Fact]
    public async Task Session_days_default_to_7_and_are_checked()
    {
        const string tenant = "session-days";
        var caller = GatewayHost.As(tenant, "party-office");
        await fixture.EnsureAsync(tenant, "org-session");
        Assert.Equal(7, (await fixture.Directory.GetTenantAsync(new GetTenantRequest(), caller)).Tenant.Profile.SessionDays);

        TenantProfile Profile(int days) => new() { DisplayName = "会话测试", BodyKind = BodyKind.PeoplesOrganisation, SessionDays = days };
        var thirty = await fixture.Directory.UpdateTenantProfileAsync(new UpdateTenantProfileRequest { RequestId = "days-30", Profile = Profile(30) }, caller);
        Assert.Equal(30, thirty.Tenant.Profile.SessionDays);
        Assert.Equal(30, (await fixture.Directory.GetTenantAsync(new GetTenantRequest(), caller)).Tenant.Profile.SessionDays);

        var zero = await fixture.Directory.UpdateTenantProfileAsync(new UpdateTenantProfileRequest { RequestId = "days-0", Profile = Profile(0) }, caller);
        Assert.Equal(7, zero.Tenant.Profile.SessionDays);

        var tooLong = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Directory.UpdateTenantProfileAsync(new UpdateTenantProfileRequest { RequestId = "days-91", Profile = Profile(91) }, caller).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
        Assert.Equal("profile.session_days", tooLong.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal(7, (await fixture.Directory.GetTenantAsync(new GetTenantRequest(), caller)).Tenant.Profile.SessionDays);
    }

    // Every row a record can be stored in: grain state (the ledger's snapshot) and the ledger journal.
    private const string StoredRowsHoldingSql = """
        select (select count(*) from orleansstorage where position(convert_to(@m, 'UTF8') in payloadbinary) > 0)
             + (select count(*) from branchledger_journal where position(convert_to(@m, 'UTF8') in record) > 0)
        """;

    private async Task<long> RowsHolding(string value, string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(sql, connection);
        query.Parameters.AddWithValue("m", value);
        return (long)(await query.ExecuteScalarAsync())!;
    }
}
