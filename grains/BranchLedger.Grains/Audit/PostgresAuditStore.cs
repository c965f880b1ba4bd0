using System.Text;
using BranchLedger.Contracts.Audit;
using BranchLedger.Contracts.Errors;
using Npgsql;

namespace BranchLedger.Grains.Audit;

/// <summary>
/// The audit trail as rows of <c>branchledger_audit</c> (migration 0005). A trigger refuses UPDATE and
/// DELETE, so even a buggy or compromised caller of this database cannot rewrite history through SQL.
/// </summary>
internal sealed class PostgresAuditStore(string connectionString) : IAuditStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = PostgresDataSources.Build(connectionString, "branchledger-audit");

    public async Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        const string sql = """
            INSERT INTO branchledger_audit (at, tenant, subject, credential, request_id, rpc, targets, outcome)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING seq
            """;
        try
        {
            await using var command = _dataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = entry.At.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.Tenant ?? DBNull.Value });
            foreach (var text in new[] { entry.Subject, entry.Credential, entry.RequestId, entry.Rpc, entry.Targets, entry.Outcome })
            {
                command.Parameters.Add(new NpgsqlParameter { Value = text });
            }

            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new StorageUnavailableException("The audit trail could not be written: " + ex.Message);
        }
    }

    public async Task<IReadOnlyList<AuditEvent>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var sql = new StringBuilder("SELECT seq, at, tenant, subject, credential, request_id, rpc, targets, outcome FROM branchledger_audit WHERE seq > $1");
        var parameters = new List<object> { query.AfterSequence };
        void Where(string clause, object value)
        {
            parameters.Add(value);
            sql.Append(" AND ").Append(clause.Replace("$n", "$" + parameters.Count, StringComparison.Ordinal));
        }

        if (query.Tenants is not null)
        {
            Where("tenant = ANY($n)", query.Tenants.ToArray());
        }

        if (query.Subject is not null)
        {
            Where("subject = $n", query.Subject);
        }

        if (query.Since is { } since)
        {
            Where("at >= $n", since.UtcDateTime);
        }

        if (query.Until is { } until)
        {
            Where("at < $n", until.UtcDateTime);
        }

        parameters.Add(query.Max);
        sql.Append(" ORDER BY seq LIMIT $").Append(parameters.Count);
        try
        {
            await using var command = _dataSource.CreateCommand(sql.ToString());
            foreach (var value in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var page = new List<AuditEvent>();
            while (await reader.ReadAsync(cancellationToken))
            {
                page.Add(new AuditEvent(reader.GetInt64(0), new AuditEntry(
                    new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8))));
            }

            return page;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new StorageUnavailableException("The audit trail could not be read: " + ex.Message);
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
