using BranchLedger.Api.V1;
using BranchLedger.Domain.Access;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Core;
using Npgsql;

namespace BranchLedger.Integration.Tests.Security;

/// <summary>Every mutation lands in the append-only audit trail, visible to the right people only.</summary>
public sealed class AuditTrailTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private AuditService.AuditServiceClient Audit => new(fixture.Host.Channel());

    [Fact]
    public async Task A_write_is_audited_with_who_which_credential_request_and_outcome()
    {
        await fixture.EnsureAsync("audit-a", "office-branch", members: 20);
        await fixture.EnsureAsync("audit-b", "office-branch", members: 20);
        var clerk = TestCredentials.Bearer("clerk-li", null, Grant.For(Role.TenantAdmin, "audit-a"));
        await fixture.Ledger.RecordMeetingAsync(Meetings.Request("office-branch", "audit-1"), clerk);
        await fixture.Ledger.RecordMeetingAsync(Meetings.Request("office-branch", "audit-1"), clerk);
        var bad = Meetings.Request("office-branch", "audit-2");
        bad.Meeting.Topic = "";
        await Assert.ThrowsAsync<RpcException>(() => fixture.Ledger.RecordMeetingAsync(bad, clerk).ResponseAsync);

        var events = (await Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Subject = "clerk-li" }, clerk)).Events;
        Assert.Equal(["OK", "OK", "InvalidArgument"], events.Select(e => e.Outcome));
        var first = events[0];
        Assert.Equal("audit-a", first.TenantId);
        Assert.Equal("token:branchledger-local", first.Credential);
        Assert.Equal("audit-1", first.RequestId);
        Assert.Equal("/branchledger.v1.LedgerService/RecordMeeting", first.Rpc);
        Assert.Contains("node_id=office-branch", first.Targets, StringComparison.Ordinal);

        // Another tenant's admin sees none of it; a supervisor sees it when naming the tenant.
        var otherAdmin = TestCredentials.Bearer("admin-b", null, Grant.For(Role.TenantAdmin, "audit-b"));
        Assert.DoesNotContain((await Audit.ListAuditEventsAsync(new ListAuditEventsRequest(), otherAdmin)).Events, e => e.Subject == "clerk-li");
        var supervised = await Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Subject = "clerk-li" }, TestCredentials.Supervisor("audit-a"));
        Assert.Equal(3, supervised.Events.Count);

        // A secretary has no audit.read.
        var secretary = TestCredentials.Bearer("sec", null, Grant.For(Role.BranchSecretary, "audit-a", ["office-branch"]));
        Assert.Equal(StatusCode.PermissionDenied,
            (await Assert.ThrowsAsync<RpcException>(() => Audit.ListAuditEventsAsync(new ListAuditEventsRequest(), secretary).ResponseAsync)).StatusCode);
    }

    [Fact]
    public async Task The_audit_trail_pages_in_order()
    {
        await fixture.EnsureAsync("audit-pages", "office-branch", members: 20);
        var clerk = TestCredentials.Bearer("clerk-pages", null, Grant.For(Role.TenantAdmin, "audit-pages"));
        for (var i = 0; i < 5; i++)
        {
            await fixture.Ledger.RecordMeetingAsync(Meetings.Request("office-branch", $"page-{i}", day: 5 + i), clerk);
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Subject = "clerk-pages", PageSize = 2, PageToken = token }, clerk);
            seen.AddRange(page.Events.Select(e => e.RequestId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"page-{i}"), seen);
    }

    [Fact]
    public async Task A_ledger_write_commits_one_audit_row_with_its_record_and_a_replay_is_audited_on_its_own()
    {
        await fixture.EnsureAsync("audit-tx", "office-branch", members: 20);
        var clerk = TestCredentials.Bearer("clerk-tx", null, Grant.For(Role.TenantAdmin, "audit-tx"));
        await fixture.Ledger.RecordMeetingAsync(Meetings.Request("office-branch", "tx-1"), clerk);

        async Task<long> Count(string sql)
        {
            await using var connection = new NpgsqlConnection(fixture.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("id", "tx-1");
            return (long)(await command.ExecuteScalarAsync())!;
        }

        Assert.Equal(1L, await Count("SELECT count(*) FROM branchledger_audit WHERE request_id = @id"));
        Assert.Equal(1L, await Count("SELECT count(*) FROM branchledger_journal WHERE request_id = @id AND ledger LIKE '%audit-tx%'"));

        await fixture.Ledger.RecordMeetingAsync(Meetings.Request("office-branch", "tx-1"), clerk);
        Assert.Equal(2L, await Count("SELECT count(*) FROM branchledger_audit WHERE request_id = @id"));
        Assert.Equal(1L, await Count("SELECT count(*) FROM branchledger_journal WHERE request_id = @id AND ledger LIKE '%audit-tx%'"));
    }

    [Fact]
    public async Task An_import_commits_its_audit_row_in_the_transaction_of_its_records_and_a_rerun_is_audited_on_its_own()
    {
        await fixture.EnsureAsync("audit-import", "office-branch", members: 20);
        var clerk = TestCredentials.Bearer("clerk-import", null, Grant.For(Role.TenantAdmin, "audit-import"));
        var import = new ImportRecordsRequest { NodeId = "office-branch" };
        import.Rows.AddRange(Enumerable.Range(1, 3).Select(i => new ImportRow
        {
            RequestId = $"imp-{i}", Body = new RecordBody { Meeting = Meetings.Request(requestId: $"imp-{i}", day: 3 + i).Meeting },
        }));
        await fixture.Ledger.ImportRecordsAsync(import, clerk);

        async Task<List<string>> Transactions(string sql)
        {
            await using var connection = new NpgsqlConnection(fixture.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            var found = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found.Add(reader.GetString(0));
            }

            return found;
        }

        // xmin names the transaction that wrote a row: one for the three records and the audit row.
        const string Audit = "SELECT xmin::text FROM branchledger_audit WHERE tenant = 'audit-import' AND rpc LIKE '%/ImportRecords' ORDER BY seq";
        const string Records = "SELECT xmin::text FROM branchledger_journal WHERE ledger LIKE '%audit-import%' AND request_id LIKE 'imp-%'";
        var audited = Assert.Single(await Transactions(Audit));
        var records = await Transactions(Records);
        Assert.Equal(3, records.Count);
        Assert.All(records, x => Assert.Equal(audited, x));

        // The same file again records nothing: its audit row is the interceptor's own.
        await fixture.Ledger.ImportRecordsAsync(import, clerk);
        var rows = await Transactions(Audit);
        Assert.Equal(2, rows.Count);
        Assert.NotEqual(audited, rows[1]);
        Assert.Equal(3, (await Transactions(Records)).Count);
    }

    [Theory]
    [InlineData("UPDATE branchledger_audit SET outcome = 'OK'")]
    [InlineData("DELETE FROM branchledger_audit")]
    [InlineData("TRUNCATE branchledger_audit")]
    public async Task The_database_refuses_to_rewrite_the_trail(string sql)
    {
        await fixture.EnsureAsync("audit-sql", "office-branch", members: 20);
        await fixture.Ledger.RecordMeetingAsync(Meetings.Request("office-branch", "sql-1"), GatewayHost.As("audit-sql"));

        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
    }
}
