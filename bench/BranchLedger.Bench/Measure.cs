using System.Diagnostics;
using BranchLedger.Grains.Ledger;
using Npgsql;

namespace BranchLedger.Bench;

/// <summary>Order statistics of latencies in milliseconds.</summary>
internal sealed record Summary(int Count, double Median, double P95, double P99, double Min, double Max, double Mean)
{
    public static Summary Of(IEnumerable<double> samples)
    {
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        if (sorted.Length == 0)
        {
            return new Summary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        return new Summary(sorted.Length, Quantile(sorted, 0.50), Quantile(sorted, 0.95), Quantile(sorted, 0.99),
            sorted[0], sorted[^1], sorted.Average());
    }

    /// <summary>Linear interpolation between closest ranks (R-7, what Excel and NumPy use by default).</summary>
    private static double Quantile(double[] sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}

internal static class Clock
{
    public static double Ms(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;

    /// <summary>
    /// Median time of <paramref name="iterations"/> runs of a synchronous action, after untimed runs
    /// (at least 10 and at least half a second) so tiered JIT has promoted the hot code.
    /// </summary>
    public static double MedianMs(int iterations, Action action)
    {
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 10 || (warm.ElapsedMilliseconds < 500 && i < 1000); i++)
        {
            action();
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            samples[i] = Ms(start);
        }

        return Summary.Of(samples).Median;
    }
}

/// <summary>The stored row of a grain's state as PostgreSQL holds it.</summary>
internal sealed record StoredState(long Length, long StoredBytes, int Version);

/// <summary>Reads what the Orleans ADO.NET provider stored, and PostgreSQL's WAL position.</summary>
internal static class Database
{
    public static async Task<StoredState> StateAsync(string connectionString, string grainKey)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT length(payloadbinary), pg_column_size(payloadbinary), version
            FROM orleansstorage
            WHERE serviceid = @service AND graintypestring = @state AND grainidextensionstring = @key
            """, connection);
        command.Parameters.AddWithValue("service", BenchSilo.ServiceId);
        command.Parameters.AddWithValue("state", LedgerGrain.StateName);
        command.Parameters.AddWithValue("key", grainKey);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException($"No stored state for '{grainKey}'.");
        }

        return new StoredState(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    public static async Task<byte[]> PayloadAsync(string connectionString, string grainKey)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT payloadbinary FROM orleansstorage WHERE serviceid = @service AND graintypestring = @state AND grainidextensionstring = @key",
            connection);
        command.Parameters.AddWithValue("service", BenchSilo.ServiceId);
        command.Parameters.AddWithValue("state", LedgerGrain.StateName);
        command.Parameters.AddWithValue("key", grainKey);
        return (byte[])(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No stored state for '{grainKey}'."));
    }

    /// <summary>The server's WAL insert position in bytes (server-wide: it includes membership heartbeats).</summary>
    public static async Task<long> WalPositionAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>
/// PostgreSQL's own cost of rewriting a row of a given size: an <c>INSERT … ON CONFLICT DO UPDATE</c>
/// of a bytea on a plain table through Npgsql, one pooled connection opened per write (as the Orleans
/// provider does), default durability. The bytes are the grain's real stored payload, so TOAST
/// compression and WAL volume match what the grain write pays.
/// </summary>
internal static class Baseline
{
    public static async Task CreateTableAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "CREATE TABLE IF NOT EXISTS bench_baseline (id text PRIMARY KEY, payload bytea NOT NULL, version integer NOT NULL)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<double[]> UpsertAsync(string connectionString, string id, byte[] payload, int iterations, int warmup = 3)
    {
        var samples = new double[iterations];
        for (var i = -warmup; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(
                    """
                    INSERT INTO bench_baseline (id, payload, version) VALUES (@id, @payload, 1)
                    ON CONFLICT (id) DO UPDATE SET payload = EXCLUDED.payload, version = bench_baseline.version + 1
                    """, connection);
                command.Parameters.AddWithValue("id", id);
                command.Parameters.AddWithValue("payload", payload);
                await command.ExecuteNonQueryAsync();
            }

            if (i >= 0)
            {
                samples[i] = Clock.Ms(start);
            }
        }

        return samples;
    }
}
