using BranchLedger.Contracts;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Grains.Ledger;
using BranchLedger.Grains.Ledger.Journal;
using BranchLedger.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using static BranchLedger.Integration.Tests.Storage.StorageTestSupport;

namespace BranchLedger.Integration.Tests.Journal;

/// <summary>The copy of pre-journal ledger state rows into the journal, on rows written the way the old code wrote them.</summary>
public sealed class LedgerStateMigrationTests
{
    private const string Tenant = "city-legacy";
    private const string ServiceId = "branchledger-test";

    private static async Task<(string Db, Serializer Serializer, IReadOnlyList<LedgerRecord> A, IReadOnlyList<LedgerRecord> B)> LegacyDatabase(string hint)
    {
        var db = await TestPostgres.CreateDatabaseAsync(hint);
        await using var cluster = await LedgerCluster.StartAsync(db);
        var a = await LegacyLedgerFixture.WriteAsync(cluster.Client, Tenant, "branch-a");
        var b = await LegacyLedgerFixture.WriteAsync(cluster.Client, Tenant, "branch-b");
        return (db, LedgerJournalStoreTests.Serializer, a, b);
    }

    private static LedgerStateMigration Migration(string db, Serializer serializer) => new(db, ServiceId, serializer, NullLogger.Instance);

    [Fact]
    public async Task Every_record_and_seal_is_copied_and_verified_and_a_second_run_changes_nothing()
    {
        var (db, serializer, a, b) = await LegacyDatabase("journal_migrate");
        var journal = new PostgresLedgerJournal(db, serializer);

        var first = await Migration(db, serializer).RunAsync();

        Assert.Equal((2, 0, (long)LegacyLedgerFixture.Total * 2), (first.Migrated, first.AlreadyDone, first.Records));
        Assert.Empty(first.Failed);
        Assert.Equal(a, await journal.ReadAfterAsync(GrainKeys.Ledger(Tenant, "branch-a"), 0));
        Assert.Equal(b, await journal.ReadAfterAsync(GrainKeys.Ledger(Tenant, "branch-b"), 0));
        Assert.Equal("seal-2024", Assert.Single(await journal.ReadSealsAsync(GrainKeys.Ledger(Tenant, "branch-a"))).RequestId);

        var second = await Migration(db, serializer).RunAsync();
        Assert.Equal((0, 2), (second.Migrated, second.AlreadyDone));
        Assert.Equal((long)LegacyLedgerFixture.Total * 2, await ScalarAsync<long>(db, "SELECT count(*) FROM branchledger_journal"));
        Assert.Equal(2L, await ScalarAsync<long>(db, "SELECT count(*) FROM branchledger_journal_seals"));
    }

    [Fact]
    public async Task An_interrupted_copy_is_finished_by_the_next_run_and_a_conflicting_row_is_reported_not_marked()
    {
        var (db, serializer, a, _) = await LegacyDatabase("journal_migrate_resume");
        var journal = new PostgresLedgerJournal(db, serializer);

        // A run stopped half-way through branch-a; branch-b's journal holds another record at a sequence it needs.
        await journal.AppendAsync(GrainKeys.Ledger(Tenant, "branch-a"), [.. a.Take(25)], null);
        await journal.AppendAsync(GrainKeys.Ledger(Tenant, "branch-b"), [LegacyLedgerFixture.Record(7, new DateOnly(2026, 5, 1)) with { RequestId = "not-legacy" }], null);

        var report = await Migration(db, serializer).RunAsync();

        Assert.Equal(1, report.Migrated);
        Assert.Equal([GrainKeys.Ledger(Tenant, "branch-b")], report.Failed);
        Assert.Equal(a, await journal.ReadAfterAsync(GrainKeys.Ledger(Tenant, "branch-a"), 0));
        Assert.Equal(
            [GrainKeys.Ledger(Tenant, "branch-a")],
            (await QueryAsync(db, "SELECT ledger FROM branchledger_journal_migrated")).Select(r => (string)r["ledger"]!));
        Assert.Equal([GrainKeys.Ledger(Tenant, "branch-b")], (await Migration(db, serializer).RunAsync()).Failed);
    }

    [Fact]
    public async Task A_migrated_ledger_answers_from_the_journal_after_its_archive_rows_are_gone()
    {
        var (db, serializer, a, _) = await LegacyDatabase("journal_migrate_serve");
        await Migration(db, serializer).RunAsync();
        await ExecuteAsync(db, "DELETE FROM orleansstorage WHERE graintypestring = @state", P("state", LedgerArchiveGrain.StateName));

        await using var cluster = await LedgerCluster.StartAsync(db);
        await Nodes.EnsureAsync(cluster.Client, Tenant, "branch-a");
        var ledger = cluster.Client.GetGrain<ILedgerGrain>(GrainKeys.Ledger(Tenant, "branch-a"));

        var live = await ledger.ListRecords(new RecordQuery { PageSize = 500 });
        Assert.Equal(a.Where(r => r.Body.Date.Year > 2024).Select(r => r.Sequence), live.Records.Select(r => r.Record.Sequence));
        Assert.Equal([2024], live.SealedYears);
        var sealedYear = await ledger.ListRecords(new RecordQuery { PageSize = 500, Year = 2024 });
        Assert.Equal(a.Where(r => r.Body.Date.Year == 2024).Select(r => r.Sequence), sealedYear.Records.Select(r => r.Record.Sequence));

        var old = a[3];
        var retry = Meetings.Command(old.RequestId) with { Body = old.Body };
        Assert.True((await ledger.Append(retry)).Replayed);
        var refused = await Assert.ThrowsAsync<PreconditionFailedException>(() => ledger.Append(Meetings.Command("late") with { Body = old.Body }));
        Assert.Equal("YEAR_SEALED", refused.Type);
        Assert.Equal(LegacyLedgerFixture.Total + 1L, (await ledger.Append(Meetings.Command("new-2026"))).Record.Sequence);
    }
}
