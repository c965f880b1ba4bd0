using BranchLedger.Contracts.Audit;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Grains.Ledger;
using BranchLedger.Grains.Ledger.Journal;
using BranchLedger.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using static BranchLedger.Integration.Tests.Storage.StorageTestSupport;

namespace BranchLedger.Integration.Tests.Journal;

/// <summary>The ledger journal store on a real PostgreSQL database with the project's migrations.</summary>
public sealed class LedgerJournalStoreTests
{
    /// <summary>A serializer of this process that knows the contracts and the grains' state types (outliving any test cluster).</summary>
    internal static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(LedgerState).Assembly).AddAssembly(typeof(LedgerRecord).Assembly))
        .BuildServiceProvider().GetRequiredService<Serializer>();

    private static async Task<(PostgresLedgerJournal Journal, string Db)> NewJournal(string hint)
    {
        var db = await TestPostgres.CreateDatabaseAsync(hint);
        return (new PostgresLedgerJournal(db, Serializer), db);
    }

    private static LedgerRecord Record(long sequence, string requestId, int year = 2026) => new()
    {
        Sequence = sequence,
        RequestId = requestId,
        RecordedBy = "secretary",
        RecordedAt = new DateTimeOffset(2026, 4, 2, 8, 0, 0, TimeSpan.Zero),
        Body = Meetings.Command(requestId).Body with { Date = new DateOnly(year, 4, 2) },
    };

    private static AuditEntry Audit(string requestId, string outcome = "OK") => new(
        new DateTimeOffset(2026, 4, 2, 8, 0, 0, TimeSpan.Zero), "tenant-a", "secretary", "token:test", requestId,
        "/branchledger.v1.LedgerService/RecordMeeting", "node_id=branch-a", outcome);

    private static Task<long> Count(string db, string table, string ledger) =>
        ScalarAsync<long>(db, $"SELECT count(*) FROM {table} WHERE {(table == "branchledger_audit" ? "tenant" : "ledger")} = @l", P("l", ledger));

    [Fact]
    public async Task Records_and_their_audit_row_are_appended_and_read_back_as_written()
    {
        var (journal, db) = await NewJournal("journal_roundtrip");
        var records = new[] { Record(1, "r-1", 2024), Record(2, "r-2", 2025), Record(3, "r-3"), Record(4, "r-4") };

        await journal.AppendAsync("tenant-a/branch-a", records[..2], Audit("r-1"));
        await journal.AppendAsync("tenant-a/branch-a", records[2..], null);
        await journal.AppendAsync("tenant-a/branch-b", [Record(1, "r-1")], null);

        Assert.Equal(records, await journal.ReadAfterAsync("tenant-a/branch-a", 0));
        Assert.Equal(records[2..], await journal.ReadAfterAsync("tenant-a/branch-a", 2));
        Assert.Equal([records[1]], await journal.ReadYearAsync("tenant-a/branch-a", 2025));
        Assert.Equal([records[0], records[3]], await journal.ReadSequencesAsync("tenant-a/branch-a", [4, 1, 99]));
        Assert.Equal([records[2]], await journal.FindByRequestIdsAsync("tenant-a/branch-a", ["r-3", "unknown"]));
        Assert.Equal((4L, 4L), await journal.CountAsync("tenant-a/branch-a"));
        Assert.Equal((1L, 1L), await journal.CountAsync("tenant-a/branch-b"));
        Assert.Equal(1L, await Count(db, "branchledger_audit", "tenant-a"));
    }

    [Fact]
    public async Task PostgreSQL_refuses_a_request_id_twice_in_a_ledger_and_keeps_nothing_of_the_refused_write()
    {
        var (journal, db) = await NewJournal("journal_duplicate");
        await journal.AppendAsync("tenant-a/branch-a", [Record(1, "same")], Audit("same"));

        var conflict = await Assert.ThrowsAsync<JournalConflictException>(
            () => journal.AppendAsync("tenant-a/branch-a", [Record(2, "other"), Record(3, "same")], Audit("same")));
        var taken = await Assert.ThrowsAsync<JournalConflictException>(() => journal.AppendAsync("tenant-a/branch-a", [Record(1, "new")], null));

        Assert.True(conflict.RequestIdTaken);
        Assert.False(taken.RequestIdTaken);
        Assert.Equal([1L], (await journal.ReadAfterAsync("tenant-a/branch-a", 0)).Select(r => r.Sequence));
        Assert.Equal(1L, await Count(db, "branchledger_audit", "tenant-a"));
    }

    [Fact]
    public async Task A_failed_audit_insert_leaves_no_record_row()
    {
        var (journal, db) = await NewJournal("journal_atomic");

        // PostgreSQL text cannot hold NUL: the audit insert fails after the record rows were sent.
        await Assert.ThrowsAsync<StorageUnavailableException>(
            () => journal.AppendAsync("tenant-a/branch-a", [Record(1, "r-1"), Record(2, "r-2")], Audit("r-1", "O\0K")));

        Assert.Equal(0L, await Count(db, "branchledger_journal", "tenant-a/branch-a"));
        Assert.Equal(0L, await Count(db, "branchledger_audit", "tenant-a"));
        await journal.AppendAsync("tenant-a/branch-a", [Record(1, "r-1")], Audit("r-1"));
        Assert.Equal(1L, await Count(db, "branchledger_journal", "tenant-a/branch-a"));
    }

    [Fact]
    public async Task The_journal_and_its_seals_refuse_update_delete_and_truncate()
    {
        var (journal, db) = await NewJournal("journal_append_only");
        await journal.AppendAsync("tenant-a/branch-a", [Record(1, "r-1")], null);
        var seal = new SealEvent
        {
            RequestId = "seal-1", RequestedBy = "admin", At = new DateTimeOffset(2027, 1, 5, 0, 0, 0, TimeSpan.Zero),
            Result = new SealResult(2025, 3, 1, 2, [2025], false),
        };
        Assert.True(await journal.AppendSealAsync("tenant-a/branch-a", seal));
        Assert.False(await journal.AppendSealAsync("tenant-a/branch-a", seal));

        foreach (var sql in new[]
        {
            "UPDATE branchledger_journal SET request_id = 'x'", "DELETE FROM branchledger_journal", "TRUNCATE branchledger_journal",
            "UPDATE branchledger_journal_seals SET year = 1", "DELETE FROM branchledger_journal_seals", "TRUNCATE branchledger_journal_seals",
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(db, sql));
            Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        }

        var seals = await journal.ReadSealsAsync("tenant-a/branch-a");
        Assert.Equal("seal-1", Assert.Single(seals).RequestId);
        Assert.Equal((2025, 3, 1, 2), (seals[0].Result!.Year, seals[0].Result!.SealedRecords, seals[0].Result!.CarriedForward, seals[0].Result!.LiveRecords));
        Assert.Equal([2025], seals[0].Result!.SealedYears);
        Assert.Equal(1L, await Count(db, "branchledger_journal", "tenant-a/branch-a"));
    }
}
