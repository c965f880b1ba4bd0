using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using BranchLedger.Storage;
using Npgsql;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of the integration tests, shared by the whole test process.
/// </summary>
/// <remarks>
/// <para>On first use it runs <c>scripts/postgres.sh start</c> with its own data folder
/// (<c>&lt;repo root&gt;/.data/test-postgres</c>, git-ignored) on a free loopback port, and stops the
/// server again at process exit if this process started it and nobody else is using it. Set
/// <c>BRANCHLEDGER_TEST_POSTGRES</c> to a server connection string to use an existing server instead
/// (then nothing is started or stopped).</para>
/// <para>Every test gets a throwaway database from <see cref="CreateDatabaseAsync"/>; databases
/// created by this process are dropped at exit, and leftovers older than a day (from crashed runs)
/// are dropped at start.</para>
/// </remarks>
public static partial class TestPostgres
{
    /// <summary>Environment variable: a connection string to an existing server to use instead of starting one.</summary>
    public const string ExternalServerVariable = "BRANCHLEDGER_TEST_POSTGRES";

    private const string DatabasePrefix = "bltest_";
    private const int PreferredPort = 55433;
    private static readonly TimeSpan LeftoverAge = TimeSpan.FromDays(1);

    private static readonly Lazy<Server> LazyServer = new(StartServer, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly List<string> CreatedDatabases = [];

    /// Connection string to the server's maintenance database ('postgres'), starting the server on first use.
    public static string ServerConnectionString => LazyServer.Value.ConnectionString;

    /// Creates a fresh, uniquely named database (prefix 'bltest_'), applies the migrations, returns its connection string.
    public static async Task<string> CreateDatabaseAsync(string? hint = null)
    {
        var connectionString = await CreateEmptyDatabaseAsync(hint);
        await MigrationRunner.ApplyAsync(connectionString);
        return connectionString;
    }

    /// <summary>Like <see cref="CreateDatabaseAsync"/>, without applying the migrations.</summary>
    internal static async Task<string> CreateEmptyDatabaseAsync(string? hint = null)
    {
        var server = LazyServer.Value;
        var name = NewDatabaseName(hint);

        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            // The name is generated from [a-z0-9_] only; quoting keeps it an identifier regardless.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        lock (CreatedDatabases)
        {
            CreatedDatabases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// bltest_&lt;UTC yyMMddHHmmss&gt;_&lt;random&gt;[_&lt;hint&gt;]: the timestamp lets a later run recognise
    /// leftovers by age (PostgreSQL does not record when a database was created).
    /// </summary>
    private static string NewDatabaseName(string? hint)
    {
        var name = new StringBuilder(DatabasePrefix)
            .Append(DateTime.UtcNow.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture))
            .Append('_')
            .Append(Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 4)));

        var cleaned = hint is null ? "" : NonIdentifierChars().Replace(hint.ToLowerInvariant(), "_").Trim('_');
        if (cleaned.Length > 0)
        {
            name.Append('_').Append(cleaned.AsSpan(0, Math.Min(cleaned.Length, 63 - name.Length - 1)));
        }

        return name.ToString();
    }

    [GeneratedRegex("[^a-z0-9_]+")]
    private static partial Regex NonIdentifierChars();

    [GeneratedRegex(@"^bltest_(?<stamp>[0-9]{12})_")]
    private static partial Regex TestDatabaseName();

    private static bool TryGetCreationTime(string databaseName, out DateTime createdUtc)
    {
        createdUtc = default;
        var match = TestDatabaseName().Match(databaseName);
        return match.Success
            && DateTime.TryParseExact(match.Groups["stamp"].Value, "yyMMddHHmmss", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out createdUtc);
    }

    // ---------------------------------------------------------------------------------------------
    // Server lifetime

    private sealed record Server(string ConnectionString, bool StartedByUs, string? RepoRoot, IReadOnlyDictionary<string, string> ScriptEnvironment);

    private static Server StartServer()
    {
        Server server;
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            var builder = new NpgsqlConnectionStringBuilder(external);
            if (string.IsNullOrEmpty(builder.Database))
            {
                builder.Database = "postgres";
            }

            server = new Server(builder.ConnectionString, StartedByUs: false, RepoRoot: null, new Dictionary<string, string>());
        }
        else
        {
            server = StartLocalServer();
        }

        DropLeftoverDatabases(server.ConnectionString);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Shutdown(server);
        return server;
    }

    private static Server StartLocalServer()
    {
        var repoRoot = FindRepoRoot();
        var script = Path.Combine(repoRoot, "scripts", "postgres.sh");
        var environment = new Dictionary<string, string>
        {
            ["BRANCHLEDGER_PGDATA"] = Path.Combine(repoRoot, ".data", "test-postgres"),
            ["BRANCHLEDGER_PGPORT"] = ChoosePort().ToString(CultureInfo.InvariantCulture),
            ["BRANCHLEDGER_PGDATABASE"] = "postgres",
        };

        // 'start' keeps a server that already runs on this data folder (e.g. left by a crashed run,
        // or started by a concurrent test process) on its port; 'url' then reports that port.
        var wasRunning = RunScript(script, environment, "status", allowExitCodes: [0, 3]).ExitCode == 0;
        RunScript(script, environment, "start");
        var url = RunScript(script, environment, "url").StdOut.Trim();

        var builder = new NpgsqlConnectionStringBuilder(url)
        {
            Database = "postgres",
            // Orleans silos in one test process keep several pools; keep idle connections short-lived.
            ConnectionIdleLifetime = 30,
        };
        return new Server(builder.ConnectionString, StartedByUs: !wasRunning, repoRoot, environment);
    }

    private static int ChoosePort()
    {
        if (IsPortFree(PreferredPort))
        {
            return PreferredPort;
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BranchLedger.slnx")))
            {
                return dir.FullName;
            }
        }

        // For builds outside the checkout (e.g. a scratch project linking these sources).
        var fromEnvironment = Environment.GetEnvironmentVariable("BRANCHLEDGER_REPO_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(Path.Combine(fromEnvironment, "BranchLedger.slnx")))
        {
            return fromEnvironment;
        }

        throw new InvalidOperationException(
            $"Cannot find the repository root (a folder with BranchLedger.slnx) above {AppContext.BaseDirectory}; " +
            $"set {ExternalServerVariable} to use an existing PostgreSQL server instead.");
    }

    private sealed record ScriptResult(int ExitCode, string StdOut, string StdErr);

    private static ScriptResult RunScript(string script, IReadOnlyDictionary<string, string> environment, string command, int[]? allowExitCodes = null)
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
            throw new TimeoutException($"'{script} {command}' did not finish within 5 minutes.");
        }

        var result = new ScriptResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        if (!(allowExitCodes ?? [0]).Contains(result.ExitCode))
        {
            throw new InvalidOperationException(
                $"'{script} {command}' failed with exit code {result.ExitCode}:\n{result.StdErr}{result.StdOut}");
        }

        return result;
    }

    private static void DropLeftoverDatabases(string serverConnectionString)
    {
        try
        {
            var cutoff = DateTime.UtcNow - LeftoverAge;
            var names = ListTestDatabases(serverConnectionString);
            foreach (var name in names)
            {
                if (TryGetCreationTime(name, out var created) && created < cutoff)
                {
                    DropDatabase(serverConnectionString, name);
                }
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            Console.Error.WriteLine($"TestPostgres: could not clean up old test databases: {ex.Message}");
        }
    }

    private static List<string> ListTestDatabases(string serverConnectionString)
    {
        var names = new List<string>();
        using var connection = new NpgsqlConnection(serverConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'bltest\\_%'", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static void DropDatabase(string serverConnectionString, string name)
    {
        using var connection = new NpgsqlConnection(serverConnectionString);
        connection.Open();
        // FORCE ends sessions still connected (e.g. pools of silos that were not disposed).
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Best effort, at process exit: drop our databases, then stop the server if we started it.</summary>
    private static void Shutdown(Server server)
    {
        string[] ours;
        lock (CreatedDatabases)
        {
            ours = [.. CreatedDatabases];
        }

        var othersUseServer = false;
        try
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var name in ours)
            {
                DropDatabase(server.ConnectionString, name);
            }

            if (server.StartedByUs)
            {
                // Another test process (sharing the data folder) may have joined this server: if
                // it has sessions or recent databases, leave the server to it.
                othersUseServer = OtherUsersPresent(server.ConnectionString);
            }
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"TestPostgres: cleanup at exit failed: {ex.Message}");
        }

        if (server.StartedByUs && server.RepoRoot is not null && !othersUseServer)
        {
            try
            {
                NpgsqlConnection.ClearAllPools();
                RunScript(Path.Combine(server.RepoRoot, "scripts", "postgres.sh"), server.ScriptEnvironment, "stop");
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine($"TestPostgres: could not stop the test server: {ex.Message}");
            }
        }
    }

    private static bool OtherUsersPresent(string serverConnectionString)
    {
        // Sessions of other clients (ours are gone: pools cleared, our databases dropped)...
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnectionString) { Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
                connection);
            if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
            {
                return true;
            }
        }

        // ...or test databases created since this process started (older ones are crash leftovers).
        var since = Process.GetCurrentProcess().StartTime.ToUniversalTime().AddMinutes(-1);
        return ListTestDatabases(serverConnectionString)
            .Any(name => TryGetCreationTime(name, out var created) && created >= since);
    }
}
