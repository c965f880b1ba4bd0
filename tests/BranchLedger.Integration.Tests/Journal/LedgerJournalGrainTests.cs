using BranchLedger.Contracts;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Grains.Ledger;
using BranchLedger.Grains.Ledger.Journal;
using BranchLedger.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using static BranchLedger.Integration.Tests.Storage.StorageTestSupport;

namespace BranchLedger.Integration.Tests.Journal;

/// <summary>
/// The ledger grain over the journal: the journal alone is durable (the snapshot may be lost), and
/// PostgreSQL's request-id uniqueness answers a retry that reaches an activation which had not seen it.
/// </summary>
public sealed class LedgerJournalGrainTests
{
    private const string Tenant = "city-journal";

    private static AppendCommand MeetingOn(DateOnly day, string requestId) => Meetings.Command(requestId) with
    {
        Body = ((MeetingDetails)Meetings.Command(requestId).Body) with { Date = day },
    };

    private static Task DropSnapshot(string db, string key) =>
        ExecuteAsync(db, "DELETE FROM orleansstorage WHERE graintypestring = @state AND grainidextensionstring = @key",
            P("state", LedgerGrain.StateName), P("key", key));

    [Fact]
    public async Task A_ledger_whose_snapshot_is_lost_activates_from_the_journal_with_every_record_and_request_id()
    {
        var db = await TestPostgres.CreateDatabaseAsync("journal_no_snapshot");
        var key = GrainKeys.Ledger(Tenant, "branch-a");
        await using (var cluster = await LedgerCluster.StartAsync(db))
        {
            await Nodes.EnsureAsync(cluster.Client, Tenant, "branch-a");
            var ledger = cluster.Client.GetGrain<ILedgerGrain>(key);
            for (var i = 1; i <= 3; i++)
            {
                await ledger.Append(Meetings.Command($"r-{i}"));
            }
        }

        await DropSnapshot(db, key);
        Assert.Equal(0L, await ScalarAsync<long>(db, "SELECT count(*) FROM orleansstorage WHERE grainidextensionstring = @key", P("key", key)));

        await using (var cluster = await LedgerCluster.StartAsync(db))
        {
            var ledger = cluster.Client.GetGrain<ILedgerGrain>(key);
            Assert.Equal([1L, 2L, 3L], (await ledger.ListRecords(new RecordQuery { PageSize = 100 })).Records.Select(r => r.Record.Sequence));
            var again = await ledger.Append(Meetings.Command("r-2"));
            Assert.True(again.Replayed);
            Assert.Equal(2L, again.Record.Sequence);
            Assert.Equal(4L, (await ledger.Append(Meetings.Command("r-4"))).Record.Sequence);
        }

        Assert.Equal(4L, await ScalarAsync<long>(db, "SELECT count(*) FROM branchledger_journal WHERE ledger = @key", P("key", key)));
    }

    [Fact]
    public async Task A_request_id_already_in_the_journal_is_answered_as_a_replay_by_an_activation_that_had_not_seen_it()
    {
        var db = await TestPostgres.CreateDatabaseAsync("journal_other_writer");
        var key = GrainKeys.Ledger(Tenant, "branch-b");
        await using var cluster = await LedgerCluster.StartAsync(db);
        await Nodes.EnsureAsync(cluster.Client, Tenant, "branch-b");
        var ledger = cluster.Client.GetGrain<ILedgerGrain>(key);
        var first = await ledger.Append(Meetings.Command("r-1"));

        // Another writer (a duplicate activation, or a write whose answer was lost) appended r-2 behind
        // this activation's back.
        var command = Meetings.Command("r-2");
        var elsewhere = first.Record with { Sequence = 2, RequestId = "r-2", Body = command.Body, RecordedAt = first.Record.RecordedAt.AddSeconds(1) };
        var journal = new PostgresLedgerJournal(db, cluster.Client.ServiceProvider.GetRequiredService<Serializer>());
        await journal.AppendAsync(key, [elsewhere], null);

        var answer = await ledger.Append(command);

        Assert.True(answer.Replayed);
        Assert.Equal(2L, answer.Record.Sequence);
        Assert.Equal(3L, (await ledger.Append(Meetings.Command("r-3"))).Record.Sequence);
        await Assert.ThrowsAsync<RequestIdConflictException>(() => ledger.Append(Meetings.Command("r-2", "另一个议题")));
        Assert.Equal([1L, 2L, 3L], (await journal.ReadAfterAsync(key, 0)).Select(r => r.Sequence));
    }

    [Fact]
    public async Task A_write_the_journal_refuses_is_unavailable_records_nothing_and_its_retry_is_recorded_once()
    {
        var db = await TestPostgres.CreateDatabaseAsync("journal_refused");
        var key = GrainKeys.Ledger(Tenant, "branch-d");
        await using var cluster = await LedgerCluster.StartAsync(db);
        await Nodes.EnsureAsync(cluster.Client, Tenant, "branch-d");
        var ledger = cluster.Client.GetGrain<ILedgerGrain>(key);
        await ledger.Append(Meetings.Command("r-1"));

        // PostgreSQL refuses every journal row of this ledger until the trigger is dropped.
        await ExecuteAsync(db, $$"""
            create function refuse_journal() returns trigger language plpgsql as $f$ begin raise exception 'injected failure'; end $f$;
            create trigger refuse_journal before insert on branchledger_journal for each row
                when (new.ledger = '{{key}}') execute function refuse_journal();
            """);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => ledger.Append(Meetings.Command("r-2")));
        Assert.Equal([1L], (await ledger.ListRecords(new RecordQuery { PageSize = 10 })).Records.Select(r => r.Record.Sequence));
        await ExecuteAsync(db, "drop trigger refuse_journal on branchledger_journal");

        var retried = await ledger.Append(Meetings.Command("r-2"));
        Assert.False(retried.Replayed);
        Assert.Equal(2L, retried.Record.Sequence);
        Assert.True((await ledger.Append(Meetings.Command("r-2"))).Replayed);
        Assert.Equal(2L, await ScalarAsync<long>(db, "SELECT count(*) FROM branchledger_journal WHERE ledger = @key", P("key", key)));
    }

    [Fact]
    public async Task A_seal_is_kept_by_its_journal_row_when_the_snapshot_written_after_it_is_lost()
    {
        var db = await TestPostgres.CreateDatabaseAsync("journal_seal_no_snapshot");
        var key = GrainKeys.Ledger(Tenant, "branch-c");
        SealResult sealedNow;
        await using (var cluster = await LedgerCluster.StartAsync(db))
        {
            await Nodes.EnsureAsync(cluster.Client, Tenant, "branch-c");
            var ledger = cluster.Client.GetGrain<ILedgerGrain>(key);
            await ledger.AppendBatch([.. Enumerable.Range(1, 5).Select(i => MeetingOn(new DateOnly(2025, 3, i), $"y2025-{i}"))]);
            await ledger.Append(MeetingOn(new DateOnly(2026, 2, 1), "y2026-1"));
            sealedNow = await ledger.SealYear(new SealCommand(2025, "seal-2025", "admin"));
            Assert.Equal(5, sealedNow.SealedRecords);
        }

        await DropSnapshot(db, key);

        await using (var cluster = await LedgerCluster.StartAsync(db))
        {
            var ledger = cluster.Client.GetGrain<ILedgerGrain>(key);
            var live = await ledger.ListRecords(new RecordQuery { PageSize = 100 });
            Assert.Equal([6L], live.Records.Select(r => r.Record.Sequence));
            Assert.Equal([2025], live.SealedYears);
            Assert.Equal([1L, 2L, 3L, 4L, 5L], (await ledger.ListRecords(new RecordQuery { PageSize = 100, Year = 2025 })).Records.Select(r => r.Record.Sequence));
            var replay = await ledger.SealYear(new SealCommand(2025, "seal-2025", "admin"));
            Assert.True(replay.Replayed);
            Assert.Equal((sealedNow.SealedRecords, sealedNow.LiveRecords), (replay.SealedRecords, replay.LiveRecords));
            var refused = await Assert.ThrowsAsync<PreconditionFailedException>(() => ledger.Append(MeetingOn(new DateOnly(2025, 6, 1), "late-2025")));
            Assert.Equal("YEAR_SEALED", refused.Type);
            Assert.True((await ledger.Append(MeetingOn(new DateOnly(2025, 3, 2), "y2025-2"))).Replayed);
        }
    }
}
