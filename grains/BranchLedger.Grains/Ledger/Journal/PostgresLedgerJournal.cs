using BranchLedger.Contracts.Audit;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization;

namespace BranchLedger.Grains.Ledger.Journal;

/// <summary>
/// The journal as rows of <c>branchledger_journal</c> (migration 0006). Records are stored with Orleans'
/// own binary serializer: the record shapes are already typed for it (about twenty polymorphic bodies,
/// versioned by <c>[Id]</c> and named by <c>[Alias]</c>), it is what ledger state rows held before, so the
/// migration copies records without converting them, and it is several times smaller than JSON.
/// </summary>
public sealed class PostgresLedgerJournal(string connectionString, Serializer serializer) : ILedgerJournal, IAsyncDisposable
{
    private const string Columns = "record";
    private const string RequestIdConstraint = "branchledger_journal_request";

    private readonly NpgsqlDataSource _dataSource = PostgresDataSources.Build(connectionString, "branchledger-journal");

    /// <inheritdoc />
    public async Task AppendAsync(string ledger, IReadOnlyList<LedgerRecord> records, AuditEntry? audit, CancellationToken cancellationToken = default)
    {
        // One batch without an explicit transaction: PostgreSQL runs it as one implicit transaction (an
        // error in any statement undoes all of them), in one round trip instead of three.
        await using var batch = _dataSource.CreateBatch();
        foreach (var record in records)
        {
            batch.BatchCommands.Add(JournalRows.Record(ledger, record, serializer));
        }

        if (audit is not null)
        {
            var row = new NpgsqlBatchCommand("""
                INSERT INTO branchledger_audit (at, tenant, subject, credential, request_id, rpc, targets, outcome)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                """);
            row.Parameters.Add(new NpgsqlParameter { Value = audit.At.UtcDateTime });
            row.Parameters.Add(new NpgsqlParameter { Value = (object?)audit.Tenant ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            foreach (var text in new[] { audit.Subject, audit.Credential, audit.RequestId, audit.Rpc, audit.Targets, audit.Outcome })
            {
                row.Parameters.Add(new NpgsqlParameter { Value = text });
            }

            batch.BatchCommands.Add(row);
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            var requestIdTaken = ex.ConstraintName == RequestIdConstraint;
            throw new JournalConflictException(
                requestIdTaken ? "A record under this request id is already in the ledger." : "This sequence is already taken in the ledger.", requestIdTaken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new StorageUnavailableException("The ledger journal could not be written: " + ex.Message);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerRecord>> ReadAfterAsync(string ledger, long afterSequence, CancellationToken cancellationToken = default) =>
        ReadAsync("seq > $2", afterSequence, ledger, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerRecord>> ReadYearAsync(string ledger, int year, CancellationToken cancellationToken = default) =>
        ReadAsync("year = $2", year, ledger, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerRecord>> ReadSequencesAsync(string ledger, IReadOnlyCollection<long> sequences, CancellationToken cancellationToken = default) =>
        ReadAsync("seq = ANY($2)", sequences.ToArray(), ledger, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerRecord>> FindByRequestIdsAsync(string ledger, IReadOnlyCollection<string> requestIds, CancellationToken cancellationToken = default) =>
        ReadAsync("request_id = ANY($2)", requestIds.ToArray(), ledger, cancellationToken);

    private async Task<IReadOnlyList<LedgerRecord>> ReadAsync(string where, object value, string ledger, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM branchledger_journal WHERE ledger = $1 AND {where} ORDER BY seq");
            command.Parameters.Add(new NpgsqlParameter { Value = ledger });
            command.Parameters.Add(new NpgsqlParameter { Value = value });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var records = new List<LedgerRecord>();
            while (await reader.ReadAsync(cancellationToken))
            {
                records.Add(serializer.Deserialize<LedgerRecord>(reader.GetFieldValue<byte[]>(0))!);
            }

            return records;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new StorageUnavailableException("The ledger journal could not be read: " + ex.Message);
        }
    }

    /// <inheritdoc />
    public async Task<(long Count, long LastSequence)> CountAsync(string ledger, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT count(*), coalesce(max(seq), 0) FROM branchledger_journal WHERE ledger = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = ledger });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return (reader.GetInt64(0), reader.GetInt64(1));
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new StorageUnavailableException("The ledger journal could not be read: " + ex.Message);
        }
    }

    /// <inheritdoc />
    public async Task<bool> AppendSealAsync(string ledger, SealEvent seal, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _dataSource.CreateCommand(JournalRows.InsertSeal);
            JournalRows.AddSeal(command.Parameters, ledger, seal, serializer);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new StorageUnavailableException("The ledger's seal could not be written: " + ex.Message);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SealEvent>> ReadSealsAsync(string ledger, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _dataSource.CreateCommand(
                "SELECT request_id, requested_by, at, result FROM branchledger_journal_seals WHERE ledger = $1 ORDER BY at, request_id");
            command.Parameters.Add(new NpgsqlParameter { Value = ledger });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var seals = new List<SealEvent>();
            while (await reader.ReadAsync(cancellationToken))
            {
                seals.Add(new SealEvent
                {
                    RequestId = reader.GetString(0),
                    RequestedBy = reader.GetString(1),
                    At = new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero),
                    Result = serializer.Deserialize<SealResult>(reader.GetFieldValue<byte[]>(3))!,
                });
            }

            return seals;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new StorageUnavailableException("The ledger's seals could not be read: " + ex.Message);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
