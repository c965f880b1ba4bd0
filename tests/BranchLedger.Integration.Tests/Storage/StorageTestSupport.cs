using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace BranchLedger.Integration.Tests.Storage;

/// <summary>How the providers' connection string is set up: the contract must hold for both.</summary>
public enum ConnectionFlavor
{
    /// <summary>As the fixture hands it out (server defaults: UTC, asserts on).</summary>
    Default,

    /// <summary>A session time zone far from UTC and PL/pgSQL ASSERT disabled: catches timestamp
    /// columns without time zone and rollbacks that rely on ASSERT.</summary>
    TokyoWithoutAsserts,
}

internal static class StorageTestSupport
{
    public const string Invariant = "Npgsql";

    public static string WithFlavor(string connectionString, ConnectionFlavor flavor) => flavor switch
    {
        ConnectionFlavor.Default => connectionString,
        ConnectionFlavor.TokyoWithoutAsserts => new NpgsqlConnectionStringBuilder(connectionString)
        {
            Timezone = "Asia/Tokyo",
            Options = "-c plpgsql.check_asserts=off",
        }.ConnectionString,
        _ => throw new ArgumentOutOfRangeException(nameof(flavor)),
    };

    /// <summary>
    /// Starts silos and a client on loopback TCP whose membership, grain storage (one provider whose
    /// clear keeps the row, one whose clear deletes it) and reminders all use the ADO.NET providers
    /// on our schema.
    /// </summary>
    public static Task<AdoNetCluster> StartClusterAsync(string connectionString, int silos = 1, string? serviceId = null) =>
        AdoNetCluster.StartAsync(connectionString, silos, serviceId);

    // ---------------------------------------------------------------------------------------------
    // Plain SQL

    public static NpgsqlParameter P(string name, object value) => new(name, value);

    public static NpgsqlParameter NullText(string name) => new(name, NpgsqlDbType.Text) { Value = DBNull.Value };

    public static NpgsqlParameter NullInt(string name) => new(name, NpgsqlDbType.Integer) { Value = DBNull.Value };

    public static async Task<List<Dictionary<string, object?>>> QueryAsync(string connectionString, string sql, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        do
        {
            while (await reader.ReadAsync())
            {
                var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }
        }
        while (await reader.NextResultAsync());

        return rows;
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), CultureInfo.InvariantCulture);
    }

    public static async Task<int> ExecuteAsync(string connectionString, string sql, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a query text from the catalog as the provider would: one autocommit command,
    /// parameters by bare name.</summary>
    public static async Task<List<Dictionary<string, object?>>> RunStoredQueryAsync(string connectionString, string queryKey, params NpgsqlParameter[] parameters)
    {
        var rows = await QueryAsync(connectionString, "SELECT querytext FROM orleansquery WHERE querykey = @k", P("k", queryKey));
        var text = (string)(Assert.Single(rows)["querytext"] ?? throw new InvalidOperationException($"No query text for {queryKey}."));
        return await QueryAsync(connectionString, text, parameters);
    }

    /// <summary>A textual dump of the membership tables of one cluster, to prove "nothing changed".</summary>
    public static async Task<string> DumpMembershipAsync(string connectionString, string clusterId)
    {
        var rows = await QueryAsync(connectionString,
            """
            SELECT 'v' AS kind, deploymentid || ' ' || version || ' ' || "timestamp" AS line
              FROM orleansmembershipversiontable WHERE deploymentid = @c
            UNION ALL
            SELECT 'm', concat_ws(' ', address, port, generation, siloname, hostname, status, proxyport,
                                  coalesce(suspecttimes, '<null>'), starttime, iamalivetime)
              FROM orleansmembershiptable WHERE deploymentid = @c
            ORDER BY 1, 2
            """, P("c", clusterId));
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(row["kind"]).Append(' ').Append(row["line"]).Append('\n');
        }

        return text.ToString();
    }
}
