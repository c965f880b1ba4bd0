using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Grains.Ledger;
using BranchLedger.Integration.Tests.Infrastructure;
using Npgsql;

namespace BranchLedger.Integration.Tests.Grains;

/// <summary>A seal is durable: after a whole cluster restart the snapshot is small and the journal still holds the sealed year.</summary>
public sealed class LedgerSealRestartTests
{
    private const string Tenant = "city-sealed";
    private const string Node = "office-branch";

    private static AppendCommand MeetingOn(DateOnly day, string requestId) => Meetings.Command(requestId) with
    {
        Body = ((MeetingDetails)Meetings.Command(requestId).Body) with { Date = day },
    };

    [Fact]
    public async Task A_sealed_year_survives_a_cluster_restart_in_the_journal_and_leaves_the_snapshot_small()
    {
        var db = await TestPostgres.CreateDatabaseAsync("grain-seal");
        var key = GrainKeys.Ledger(Tenant, Node);
        await using (var cluster = await LedgerCluster.StartAsync(db))
        {
            await Nodes.EnsureAsync(cluster.Client, Tenant, Node);
            var ledger = cluster.Client.GetGrain<ILedgerGrain>(key);
            await ledger.AppendBatch([.. Enumerable.Range(1, 300).Select(i => MeetingOn(new DateOnly(2025, 1, 1).AddDays(i), $"y2025-{i}"))]);
            await ledger.Append(MeetingOn(new DateOnly(2026, 2, 1), "y2026-1"));
            var result = await ledger.SealYear(new SealCommand(2025, "seal-2025", "admin"));
            Assert.Equal(300, result.SealedRecords);
        }

        await using (var cluster = await LedgerCluster.StartAsync(db))
        {
            var ledger = cluster.Client.GetGrain<ILedgerGrain>(key);
            var live = await ledger.ListRecords(new RecordQuery { PageSize = 500 });
            Assert.Equal([301L], live.Records.Select(r => r.Record.Sequence));
            Assert.Equal([2025], live.SealedYears);
            var year = await ledger.ListRecords(new RecordQuery { PageSize = 500, Year = 2025 });
            Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), year.Records.Select(r => r.Record.Sequence));
            Assert.True((await ledger.Append(MeetingOn(new DateOnly(2025, 1, 2), "y2025-1"))).Replayed);
            Assert.Equal(302L, (await ledger.Append(MeetingOn(new DateOnly(2026, 2, 2), "y2026-2"))).Record.Sequence);
        }

        // Closed books: no data moves. The journal keeps every record; the snapshot is small, and no
        // archive row is written any more.
        var sizes = await PayloadSizes(db);
        Assert.Equal([LedgerGrain.StateName], sizes.Keys);
        var journalBytes = await JournalBytes(db);
        Assert.Equal(302L, journalBytes.Rows);
        Assert.True(sizes[LedgerGrain.StateName] * 5 < journalBytes.Bytes, $"snapshot {sizes[LedgerGrain.StateName]} B, journal {journalBytes.Bytes} B");
    }

    private static async Task<(long Rows, long Bytes)> JournalBytes(string db)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("select count(*), coalesce(sum(length(record)), 0) from branchledger_journal where ledger = @key", connection);
        query.Parameters.AddWithValue("key", GrainKeys.Ledger(Tenant, Node));
        await using var reader = await query.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<Dictionary<string, int>> PayloadSizes(string db)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "select graintypestring, length(payloadbinary) from orleansstorage where grainidextensionstring like @prefix", connection);
        query.Parameters.AddWithValue("prefix", GrainKeys.Ledger(Tenant, Node) + "%");
        await using var reader = await query.ExecuteReaderAsync();
        var sizes = new Dictionary<string, int>();
        while (await reader.ReadAsync())
        {
            sizes[reader.GetString(0)] = reader.GetInt32(1);
        }

        return sizes;
    }
}
