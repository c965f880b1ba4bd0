using System.Runtime.CompilerServices;
using BranchLedger.Contracts.Errors;
using Npgsql;

namespace BranchLedger.Grains.Scoring;

/// <summary>The score inputs as rows of <c>branchledger_score_inputs</c> (migration 0007).</summary>
public sealed class PostgresScoreInputStore(string connectionString) : IScoreInputStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = PostgresDataSources.Build(connectionString, "branchledger-score-inputs");

    /// <summary>
    /// One keyset page of rows after <c>$1</c> (at most <c>$2</c>). A row is fresh when its ledger's journal
    /// holds no later record. The inputs' key is COLLATE "C" (exact keyset pages) and the journal's is
    /// not: compared as they are, the journal's index does not apply and every row scanned the whole
    /// journal (10 s a page of 500 at 1,000 branches). Compared in the journal's collation, its primary
    /// key answers each row's max(seq).
    /// </summary>
    public const string PageQuery = """
        SELECT s.ledger, s.version, s.format, s.inputs,
        s.last_seq >= coalesce((SELECT max(j.seq) FROM branchledger_journal j WHERE j.ledger = s.ledger COLLATE "default"), 0)
        FROM branchledger_score_inputs s
        WHERE s.ledger > $1
        ORDER BY s.ledger
        LIMIT $2
        """;

    /// <inheritdoc />
    public async Task SaveAsync(string ledger, long version, long lastSequence, int format, byte[] inputs, CancellationToken cancellationToken = default)
    {
        try
        {
            // The WHERE makes a late or repeated save of older inputs a no-op.
            await using var command = _dataSource.CreateCommand("""
                INSERT INTO branchledger_score_inputs (ledger, version, last_seq, format, inputs, updated_at)
                VALUES ($1, $2, $3, $4, $5, now())
                ON CONFLICT (ledger) DO UPDATE
                SET version = excluded.version, last_seq = excluded.last_seq, format = excluded.format,
                    inputs = excluded.inputs, updated_at = excluded.updated_at
                WHERE branchledger_score_inputs.version < excluded.version
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = ledger });
            command.Parameters.Add(new NpgsqlParameter { Value = version });
            command.Parameters.Add(new NpgsqlParameter { Value = lastSequence });
            command.Parameters.Add(new NpgsqlParameter { Value = (short)format });
            command.Parameters.Add(new NpgsqlParameter { Value = inputs });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new StorageUnavailableException("The score inputs could not be written: " + ex.Message);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredScoreInputs> ReadAllAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Keyset pages: each is one short query, so a long rebuild holds no transaction or cursor open.
        var after = "";
        while (true)
        {
            var page = new List<StoredScoreInputs>(pageSize);
            try
            {
                await using var command = _dataSource.CreateCommand(PageQuery);
                command.Parameters.Add(new NpgsqlParameter { Value = after });
                command.Parameters.Add(new NpgsqlParameter { Value = pageSize });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add(new StoredScoreInputs(reader.GetString(0), reader.GetInt64(1), reader.GetInt16(2), reader.GetFieldValue<byte[]>(3), reader.GetBoolean(4)));
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                throw new StorageUnavailableException("The score inputs could not be read: " + ex.Message);
            }

            foreach (var row in page)
            {
                yield return row;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1].Ledger;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
