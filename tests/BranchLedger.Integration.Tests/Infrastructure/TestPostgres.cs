using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BranchLedger.LocalPostgres;
using BranchLedger.Storage;
using Npgsql;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of the integration tests, shared by the whole test process.
/// </summary>
/// <remarks>
/// <para><c>scripts/test.sh</c> starts one throwaway server for its whole run and passes it in
/// <c>BRANCHLEDGER_TEST_POSTGRES</c> (a server connection string; set it to use any existing server).
/// Without it (plain <c>dotnet test</c>), the first use starts a throwaway server of this process
/// (<see cref="LocalServer.StartThrowaway"/>: a new folder under <c>.run/pg/</c>, a free loopback
/// port) that <c>scripts/postgres.sh</c> stops and deletes once this process has exited, however it
/// ends: no server and no data folder outlive the run, and no run reuses an earlier one's.</para>
/// <para>Every test gets a throwaway database from <see cref="CreateDatabaseAsync"/>. On a server
/// passed in, this process's databases are dropped after it exits, by a small detached watcher, not
/// in <see cref="AppDomain.ProcessExit"/> itself: the test runner kills the test host about 100 ms
/// after the run, too soon to drop databases, and a crashed or killed test process runs no handler at
/// all. The ProcessExit handler only closes pooled connections. Leftover <c>bltest_</c> databases
/// older than a day are dropped at start.</para>
/// </remarks>
public static partial class TestPostgres
{
    /// <summary>Environment variable: a connection string to an existing server to use instead of starting one.</summary>
    public const string ExternalServerVariable = "BRANCHLEDGER_TEST_POSTGRES";

    private const string DatabasePrefix = "bltest_";
    private const string StampFormat = "yyMMddHHmmss";
    private static readonly TimeSpan LeftoverAge = TimeSpan.FromDays(1);

    /// <summary>Marks this process's databases, so the watcher drops exactly those.</summary>
    private static readonly string ProcessToken = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 3));

    private static readonly Lazy<Server> LazyServer = new(StartServer, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int databaseCounter;

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
            // The name is built from [a-z0-9_] only; quoted so it stays one identifier regardless.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        // Every test class has its own database and so its own pool, which outlives the class: idle
        // connections are closed within seconds, so dozens of classes stay well inside max_connections.
        return new NpgsqlConnectionStringBuilder(server.ConnectionString)
        {
            Database = name,
            MaxPoolSize = 40,
            ConnectionIdleLifetime = 5,
            ConnectionPruningInterval = 2,
        }.ConnectionString;
    }

    /// <summary>
    /// <c>bltest_&lt;UTC yyMMddHHmmss&gt;_&lt;process token&gt;_&lt;n&gt;[_&lt;hint&gt;]</c>: the timestamp lets a later
    /// run recognise leftovers by age (PostgreSQL does not record when a database was created), the
    /// token tells the watcher which databases belong to this process.
    /// </summary>
    private static string NewDatabaseName(string? hint)
    {
        var name = new StringBuilder(DatabasePrefix)
            .Append(DateTime.UtcNow.ToString(StampFormat, CultureInfo.InvariantCulture))
            .Append('_').Append(ProcessToken)
            .Append('_').Append(Interlocked.Increment(ref databaseCounter).ToString(CultureInfo.InvariantCulture));

        var cleaned = hint is null ? "" : NonIdentifierChars().Replace(hint.ToLowerInvariant(), "_").Trim('_');
        var room = 63 - name.Length - 1; // PostgreSQL truncates identifiers at 63 bytes
        if (cleaned.Length > 0 && room > 0)
        {
            name.Append('_').Append(cleaned.AsSpan(0, Math.Min(cleaned.Length, room)));
        }

        return name.ToString();
    }

    [GeneratedRegex("[^a-z0-9_]+")]
    private static partial Regex NonIdentifierChars();

    [GeneratedRegex(@"^bltest_(?<stamp>[0-9]{12})_")]
    private static partial Regex TestDatabaseName();

    // ---------------------------------------------------------------------------------------------
    // Server lifetime

    private sealed record Server(string ConnectionString);

    private static Server StartServer()
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (string.IsNullOrWhiteSpace(external))
        {
            // Ours alone: deleted with everything in it after this process, so no cleanup here.
            return new Server(LocalServer.StartThrowaway("tests", Ports.Free()).ConnectionString);
        }

        var builder = new NpgsqlConnectionStringBuilder(external);
        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }

        var server = new Server(builder.ConnectionString);
        DropLeftoverDatabases(server.ConnectionString);
        StartWatcher(server);
        // Closing our pooled sessions promptly lets the watcher drop the databases without force.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => NpgsqlConnection.ClearAllPools();
        return server;
    }

    private static void DropLeftoverDatabases(string serverConnectionString)
    {
        try
        {
            var cutoff = DateTime.UtcNow - LeftoverAge;
            using var connection = new NpgsqlConnection(serverConnectionString);
            connection.Open();
            var names = new List<string>();
            using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'bltest\\_%'", connection))
            using (var reader = list.ExecuteReader())
            {
                while (reader.Read())
                {
                    names.Add(reader.GetString(0));
                }
            }

            foreach (var name in names)
            {
                var match = TestDatabaseName().Match(name);
                if (match.Success
                    && DateTime.TryParseExact(match.Groups["stamp"].Value, StampFormat, CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var created)
                    && created < cutoff)
                {
                    // FORCE ends sessions a crashed run may have left behind.
                    using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", connection);
                    drop.ExecuteNonQuery();
                }
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            Console.Error.WriteLine($"TestPostgres: could not drop old test databases: {ex.Message}");
        }
    }

    /// <summary>
    /// Starts a detached shell that waits for this process to exit, then drops this process's
    /// databases on the server passed in.
    /// </summary>
    private static void StartWatcher(Server server)
    {
        const string Watcher = """
            pid=$1 token=$2 log=$3 conninfo=$4
            exec </dev/null >>"$log" 2>&1
            while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
            echo "$(date -u +%FT%TZ) test process $pid exited; dropping its databases (token $token)"
            for db in $(psql "$conninfo" -XqAt -c "SELECT datname FROM pg_database WHERE datname LIKE 'bltest\_%\_${token}\_%'"); do
                psql "$conninfo" -Xq -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
            done
            """;

        try
        {
            var logFolder = Path.Combine(RepoRoot.Path, ".run");
            Directory.CreateDirectory(logFolder);

            // setsid -f: a new session in a forked child, so the watcher is neither in the test
            // host's process group nor its child (the runner may kill either).
            var startInfo = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true };
            startInfo.ArgumentList.Add("-f");
            startInfo.ArgumentList.Add("bash");
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add(Watcher);
            startInfo.ArgumentList.Add("bltest-watcher");
            startInfo.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            startInfo.ArgumentList.Add(ProcessToken);
            startInfo.ArgumentList.Add(Path.Combine(logFolder, "test-postgres-watcher.log"));
            startInfo.ArgumentList.Add(ToLibpqConnInfo(server.ConnectionString, startInfo));

            using var process = Process.Start(startInfo);
            process?.WaitForExit(TimeSpan.FromSeconds(5)); // returns as soon as setsid has forked
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"TestPostgres: could not start the cleanup watcher ({ex.Message}); test databases stay until a later run drops them.");
        }
    }

    /// <summary>The external server for psql: keywords plus PGPASSWORD in the watcher's environment.</summary>
    private static string ToLibpqConnInfo(string connectionString, ProcessStartInfo watcher)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.Password))
        {
            watcher.Environment["PGPASSWORD"] = builder.Password;
        }

        static string Quote(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
        return string.Join(' ',
            $"host={Quote(builder.Host ?? "localhost")}",
            $"port={builder.Port.ToString(CultureInfo.InvariantCulture)}",
            $"user={Quote(builder.Username ?? "postgres")}",
            $"dbname={Quote(builder.Database ?? "postgres")}");
    }
}
