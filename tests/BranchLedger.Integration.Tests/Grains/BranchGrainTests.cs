using BranchLedger.Contracts;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;
using BranchLedger.Grains.Ledger;
using BranchLedger.Integration.Tests.Infrastructure;
using Npgsql;

namespace BranchLedger.Integration.Tests.Grains;

/// <summary>The branch grain on a real cluster whose grain state is the ADO.NET provider on PostgreSQL.</summary>
public sealed class BranchGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_retried_request_id_is_answered_again_and_counted_once()
    {
        var branch = fixture.Client.GetGrain<IBranchGrain>(GrainKeys.Branch("tenant-a", "branch-a"));

        var first = await branch.RecordMeeting(Meetings.Command("same-id"));
        var again = await branch.RecordMeeting(Meetings.Command("same-id"));

        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(first.Record, again.Record);
        Assert.Single((await branch.ListRecords(0, 10)).Records);
    }

    [Fact]
    public async Task A_request_id_reused_for_different_content_is_refused_and_writes_nothing()
    {
        var branch = fixture.Client.GetGrain<IBranchGrain>(GrainKeys.Branch("tenant-a", "branch-b"));
        await branch.RecordMeeting(Meetings.Command("id-1"));

        await Assert.ThrowsAsync<RequestIdConflictException>(() => branch.RecordMeeting(Meetings.Command("id-1", "另一个议题")));
        Assert.Single((await branch.ListRecords(0, 10)).Records);
    }

    [Fact]
    public async Task An_invalid_command_is_refused_with_field_errors_even_without_the_gateway()
    {
        var branch = fixture.Client.GetGrain<IBranchGrain>(GrainKeys.Branch("tenant-a", "branch-c"));
        var bad = Meetings.Command("bad id with spaces") with
        {
            Meeting = Meetings.Command("x").Meeting with { Topic = "", Attendees = -1 },
        };

        var error = await Assert.ThrowsAsync<InvalidCommandException>(() => branch.RecordMeeting(bad));

        Assert.Equal(["request_id", "meeting.topic", "meeting.attendees"], error.Errors.Select(e => e.Field));
        Assert.Empty((await branch.ListRecords(0, 10)).Records);
    }

    [Fact]
    public async Task Pages_continue_after_the_last_sequence_and_end_with_no_cursor()
    {
        var branch = fixture.Client.GetGrain<IBranchGrain>(GrainKeys.Branch("tenant-a", "branch-d"));
        for (var i = 1; i <= 5; i++)
        {
            await branch.RecordMeeting(Meetings.Command($"p-{i}"));
        }

        var first = await branch.ListRecords(0, 2);
        var second = await branch.ListRecords(first.NextAfterSequence!.Value, 2);
        var last = await branch.ListRecords(second.NextAfterSequence!.Value, 2);

        Assert.Equal([1L, 2L], first.Records.Select(r => r.Sequence));
        Assert.Equal([3L, 4L], second.Records.Select(r => r.Sequence));
        Assert.Equal([5L], last.Records.Select(r => r.Sequence));
        Assert.Null(last.NextAfterSequence);
        Assert.Empty((await branch.ListRecords(99, 2)).Records);
    }
}

/// <summary>Stopping and starting the whole cluster keeps every record, in the project's own schema.</summary>
public sealed class BranchGrainRestartTests
{
    [Fact]
    public async Task Records_survive_a_whole_cluster_restart_in_the_projects_schema()
    {
        var db = await TestPostgres.CreateDatabaseAsync("grain-restart");
        var key = GrainKeys.Branch("city-disabled-fed", "office-branch");
        await using (var cluster = await LedgerCluster.StartAsync(db))
        {
            var branch = cluster.Client.GetGrain<IBranchGrain>(key);
            await branch.RecordMeeting(Meetings.Command("r-1"));
            await branch.RecordMeeting(Meetings.Command("r-2", "党课：学习党的二十大精神"));
        }

        await using (var cluster = await LedgerCluster.StartAsync(db))
        {
            var page = await cluster.Client.GetGrain<IBranchGrain>(key).ListRecords(0, 10);
            Assert.Equal([1L, 2L], page.Records.Select(r => r.Sequence));
            Assert.Equal("党课：学习党的二十大精神", ((MeetingDetails)page.Records[1].Body).Topic);
            Assert.Null(page.NextAfterSequence);
        }

        // One row, under the grain class's own state name, holding a binary payload.
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "select graintypestring, version, length(payloadbinary) from orleansstorage where grainidextensionstring = @key", connection);
        query.Parameters.AddWithValue("key", key);
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(BranchGrain.StateName, reader.GetString(0));
        Assert.Equal(2, reader.GetInt32(1));
        Assert.InRange(reader.GetInt32(2), 50, 2000);
        Assert.False(await reader.ReadAsync());
    }
}
