using System.Diagnostics;
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

    private readonly string _script;
    private readonly Dictionary<string, string> _environment;
    private readonly List<string> _databases = [];

    private BenchPostgres(string script, Dictionary<string, string> environment, string serverConnectionString, bool startedByUs)
    {
        _script = script;
        _environment = environment;
        ServerConnectionString = serverConnectionString;
        StartedByUs = startedByUs;
    }

    /// <summary>Connection string of the maintenance database ('postgres').</summary>
    public string ServerConnectionString { get; }

    /// <summary>Whether this run started the server (then it stops it at the end).</summary>
    public bool StartedByUs { get; }

    public static BenchPostgres Start(string repoRoot)
    {
        var script = Path.Combine(repoRoot, "scripts", "postgres.sh");
        var environment = new Dictionary<string, string>
        {
            ["BRANCHLEDGER_PGDATA"] = Path.Combine(repoRoot, ".data", "bench-postgres"),
            ["BRANCHLEDGER_PGPORT"] = Port.ToString(CultureInfo.InvariantCulture),
            ["BRANCHLEDGER_PGDATABASE"] = "postgres",
        };

        var wasRunning = Run(script, environment, "status", [0, 3]).ExitCode == 0;
        Run(script, environment, "start", [0]);
        var url = Run(script, environment, "url", [0]).StdOut.Trim();
        var builder = new NpgsqlConnectionStringBuilder(url) { Database = "postgres" };
        return new BenchPostgres(script, environment, builder.ConnectionString, startedByUs: !wasRunning);
    }

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

    public void Stop() => Run(_script, _environment, "stop", [0]);

    private sealed record Result(int ExitCode, string StdOut, string StdErr);

    private static Result Run(string script, Dictionary<string, string> environment, string command, int[] allowed)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(script);
        startInfo.ArgumentList.Add(command);
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not run {script}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'scripts/postgres.sh {command}' did not finish within 5 minutes.");
        }

        var result = new Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        if (!allowed.Contains(result.ExitCode))
        {
            throw new InvalidOperationException(
                $"'scripts/postgres.sh {command}' failed with exit code {result.ExitCode}:\n{result.StdErr}{result.StdOut}");
        }

        if (command is "start" or "stop" && result.StdErr.Length > 0)
        {
            Console.Error.Write(result.StdErr);
        }

        return result;
    }
}
