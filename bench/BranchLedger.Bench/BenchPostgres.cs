using System.Globalization;
using Npgsql;

namespace BranchLedger.Bench;

/// <summary>
/// The benchmark's own PostgreSQL: <c>scripts/postgres.sh</c> with data in <c>.data/bench-postgres</c>
/// (git-ignored) on port 55434, so it never touches the development or test servers. Each run gets
/// fresh databases (<c>bench_&lt;UTC timestamp&gt;_&lt;suffix&gt;</c>) with the migrations applied.
/// </summary>
internal sealed class BenchPostgres
{
    public const int Port = 55434;
    public const string DataFolder = ".data/bench-postgres"; // relative to the repository root

    private readonly LocalPostgres.LocalServer _server;
    private readonly List<string> _databases = [];

    private readonly bool _throwaway;

    private BenchPostgres(LocalPostgres.LocalServer server, bool throwaway = false)
    {
        _server = server;
        _throwaway = throwaway;
        ServerConnectionString = server.ConnectionString;
        StartedByUs = server.StartedByUs;
    }

    /// <summary>Connection string of the maintenance database ('postgres').</summary>
    public string ServerConnectionString { get; }

    /// <summary>Whether this run started the server (then it stops it at the end).</summary>
    public bool StartedByUs { get; }

    public static BenchPostgres Start() => Start("bench-postgres", Port);

    /// <summary>
    /// A server with its own data folder (<c>.data/{dataFolder}</c>) and port, so another benchmark can
    /// run at the same time without one stopping the other's server.
    /// </summary>
    public static BenchPostgres Start(string dataFolder, int port) => new(LocalPostgres.LocalServer.Start(dataFolder, port));

    /// <summary>
    /// A server for this run only (<c>.run/pg/{name}-…</c>): deleted with its data when the run finishes,
    /// or by its watcher if the run dies — for runs whose data nobody looks at afterwards (CI's smoke run).
    /// </summary>
    public static BenchPostgres StartThrowaway(string name, int port) => new(LocalPostgres.LocalServer.StartThrowaway(name, port), throwaway: true);

    /// <summary>Creates an empty database, applies the migrations, returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string stamp, string suffix)
    {
        var name = $"bench_{stamp}_{suffix}";
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        _databases.Add(name);
        var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
        await Storage.MigrationRunner.ApplyAsync(connectionString);
        return connectionString;
    }

    /// <summary>Drops the databases this run created.</summary>
    public async Task DropDatabasesAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    public IReadOnlyList<string> Databases => _databases;

    public void Stop() => _server.Stop();

    /// <summary>
    /// The end of every benchmark run: drop this run's databases (unless kept) and stop the server if this
    /// run started it (unless kept), saying what was left behind.
    /// </summary>
    public async Task FinishAsync(bool keepDatabases, bool keepPostgres, Action<string> progress)
    {
        if (keepDatabases)
        {
            progress($"kept databases: {string.Join(", ", _databases)}");
        }
        else
        {
            await DropDatabasesAsync();
        }

        if (_throwaway && !keepPostgres)
        {
            progress("deleting the run's throwaway PostgreSQL (scripts/postgres.sh destroy)");
            _server.Destroy();
        }
        else if (StartedByUs && !keepPostgres)
        {
            progress("stopping the bench PostgreSQL (scripts/postgres.sh stop)");
            Stop();
        }
        else
        {
            progress(StartedByUs ? "leaving the bench PostgreSQL running (--keep-postgres)" : "the bench PostgreSQL was already running before this run: left running");
        }
    }
}
