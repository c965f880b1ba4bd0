using BranchLedger.Contracts.Ledger;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Serialization;

namespace BranchLedger.Grains.Ledger.Journal;

/// <summary>
/// Copies the ledgers of a deployment that ran before the journal existed — every record in its
/// <c>ledger</c> state row and its <c>ledger-archive</c> rows, and every seal — into the journal.
/// </summary>
/// <remarks>
/// Idempotent and resumable: rows go in with <c>ON CONFLICT DO NOTHING</c>, each ledger is verified
/// (every sequence present under its request id, every seal present) and then marked in
/// <c>branchledger_journal_migrated</c>, so a run stopped anywhere is finished by the next one and a
/// finished ledger is not read again. Live writes may run meanwhile: they append sequences above the
/// state's, and the old rows keep serving reads until the journal has them.
/// </remarks>
public sealed class LedgerStateMigration(string connectionString, string serviceId, Serializer serializer, ILogger logger)
{
    private const int BatchRows = 500;

    /// <summary>What a run did.</summary>
    public sealed record Report(int Migrated, int AlreadyDone, long Records, IReadOnlyList<string> Failed);

    /// <summary>Runs the copy over every ledger not yet marked; a ledger that fails its check is reported, not marked.</summary>
    public async Task<Report> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var dataSource = new NpgsqlDataSourceBuilder(connectionString) { Name = "branchledger-journal-migration" }.Build();
        var done = await TextColumn(dataSource, "SELECT ledger FROM branchledger_journal_migrated", null, cancellationToken);
        var keys = await TextColumn(
            dataSource,
            "SELECT DISTINCT grainidextensionstring FROM orleansstorage WHERE serviceid = $1 AND graintypestring = $2 AND payloadbinary IS NOT NULL",
            [serviceId, LedgerGrain.StateName], cancellationToken);
        var archives = await TextColumn(
            dataSource,
            "SELECT DISTINCT grainidextensionstring FROM orleansstorage WHERE serviceid = $1 AND graintypestring = $2 AND payloadbinary IS NOT NULL",
            [serviceId, LedgerArchiveGrain.StateName], cancellationToken);

        // An archive key is its ledger's key and "/year"; a ledger may in principle have only archives.
        var ledgers = keys.Union(archives.Select(a => a[..a.LastIndexOf('/')]), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var doneSet = done.ToHashSet(StringComparer.Ordinal);
        var failed = new List<string>();
        int migrated = 0, skipped = 0;
        long records = 0;
        foreach (var ledger in ledgers)
        {
            if (doneSet.Contains(ledger))
            {
                skipped++;
                continue;
            }

            var (count, ok) = await MigrateAsync(dataSource, ledger, cancellationToken);
            if (ok)
            {
                migrated++;
                records += count;
            }
            else
            {
                failed.Add(ledger);
            }
        }

        logger.LogInformation(
            "Ledger journal migration: {Migrated} ledgers ({Records} records) copied and verified, {Skipped} done before, {Failed} failed",
            migrated, records, skipped, failed.Count);
        return new Report(migrated, skipped, records, failed);
    }

    private async Task<(long Count, bool Ok)> MigrateAsync(NpgsqlDataSource dataSource, string ledger, CancellationToken cancellationToken)
    {
        LedgerState? live = null;
        var archived = new List<LedgerRecord>();
        await using (var read = dataSource.CreateCommand("""
            SELECT graintypestring, payloadbinary FROM orleansstorage
            WHERE serviceid = $1 AND payloadbinary IS NOT NULL
              AND ((graintypestring = $2 AND grainidextensionstring = $3)
                OR (graintypestring = $4 AND left(grainidextensionstring, length($3) + 1) = $3 || '/'))
            """))
        {
            read.Parameters.Add(new NpgsqlParameter { Value = serviceId });
            read.Parameters.Add(new NpgsqlParameter { Value = LedgerGrain.StateName });
            read.Parameters.Add(new NpgsqlParameter { Value = ledger });
            read.Parameters.Add(new NpgsqlParameter { Value = LedgerArchiveGrain.StateName });
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var payload = reader.GetFieldValue<byte[]>(1);
                if (reader.GetString(0) == LedgerGrain.StateName)
                {
                    live = serializer.Deserialize<LedgerState>(payload);
                }
                else
                {
                    archived.AddRange(serializer.Deserialize<LedgerArchiveState>(payload)!.Records);
                }
            }
        }

        // A record in the live row and an archive (a seal interrupted before the live row was saved) is one record.
        var bySequence = new SortedDictionary<long, LedgerRecord>();
        foreach (var record in archived.Concat(live?.Records ?? []))
        {
            bySequence[record.Sequence] = record;
        }

        var all = bySequence.Values.ToList();
        var seals = live?.Seals ?? [];
        foreach (var chunk in all.Chunk(BatchRows))
        {
            await using var batch = dataSource.CreateBatch();
            foreach (var record in chunk)
            {
                batch.BatchCommands.Add(JournalRows.Record(ledger, record, serializer, skipExisting: true));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var seal in seals.Where(s => s.Result is not null))
        {
            await using var insert = dataSource.CreateCommand(JournalRows.InsertSeal);
            JournalRows.AddSeal(insert.Parameters, ledger, seal, serializer);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        // The check: every sequence under its own request id, and every seal.
        var expected = all.Select(r => (r.Sequence, r.RequestId)).ToHashSet();
        var found = new HashSet<(long, string)>();
        await using (var check = dataSource.CreateCommand("SELECT seq, request_id FROM branchledger_journal WHERE ledger = $1 AND seq = ANY($2)"))
        {
            check.Parameters.Add(new NpgsqlParameter { Value = ledger });
            check.Parameters.Add(new NpgsqlParameter { Value = all.Select(r => r.Sequence).ToArray() });
            await using var reader = await check.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        var sealIds = seals.Where(s => s.Result is not null).Select(s => s.RequestId).ToArray();
        var sealsFound = (await TextColumn(
            dataSource, "SELECT request_id FROM branchledger_journal_seals WHERE ledger = $1 AND request_id = ANY($2)", [ledger, sealIds], cancellationToken)).Count;
        if (!found.SetEquals(expected) || sealsFound != sealIds.Length)
        {
            logger.LogError(
                "Ledger journal migration of {Ledger}: {Found} of {Expected} records and {SealsFound} of {Seals} seals in the journal; not marked, the next run tries again",
                ledger, found.Count, expected.Count, sealsFound, sealIds.Length);
            return (all.Count, false);
        }

        await using (var mark = dataSource.CreateCommand(
            "INSERT INTO branchledger_journal_migrated (ledger, records, seals, migrated_at) VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING"))
        {
            mark.Parameters.Add(new NpgsqlParameter { Value = ledger });
            mark.Parameters.Add(new NpgsqlParameter { Value = (long)all.Count });
            mark.Parameters.Add(new NpgsqlParameter { Value = sealIds.Length });
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        return (all.Count, true);
    }

    private static async Task<List<string>> TextColumn(NpgsqlDataSource dataSource, string sql, object[]? parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in parameters ?? [])
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
