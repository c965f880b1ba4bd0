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
/// (<c>&lt;repo root&gt;/.data/test-postgres</c>, git-ignored) on a free loopback port (55433 when
/// free). Set <c>BRANCHLEDGER_TEST_POSTGRES</c> to a server connection string to use an existing
/// server instead; then nothing is started or stopped.</para>
/// <para>Every test gets a throwaway database from <see cref="CreateDatabaseAsync"/>. After the test
/// process exits, its databases are dropped and, if this process started the server and nobody
/// else uses it, the server is stopped. That work runs in a small detached watcher started with the
/// server, not in <see cref="AppDomain.ProcessExit"/> itself: the test runner kills the test host
/// about 100 ms after the run, too soon to drop databases and stop a server, and a crashed or killed
/// test process runs no handler at all. The ProcessExit handler only closes pooled connections.
/// Leftover <c>bltest_</c> databases older than a day are dropped at start.</para>
/// </remarks>
public static partial class TestPostgres
{
    /// <summary>Environment variable: a connection string to an existing server to use instead of starting one.</summary>
    public const string ExternalServerVariable = "BRANCHLEDGER_TEST_POSTGRES";

    private const string DatabasePrefix = "bltest_";
    private const string StampFormat = "yyMMddHHmmss";
    private const int PreferredPort = 55433;
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

    private sealed record Server(string ConnectionString, bool StartedByUs, string? Script, IReadOnlyDictionary<string, string> ScriptEnvironment);

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

            server = new Server(builder.ConnectionString, StartedByUs: false, Script: null, new Dictionary<string, string>());
        }
        else
        {
            server = StartLocalServer();
        }

        DropLeftoverDatabases(server.ConnectionString);
        StartWatcher(server);
        // Closing our pooled sessions promptly lets the watcher drop the databases without force.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => NpgsqlConnection.ClearAllPools();
        return server;
    }

    private static Server StartLocalServer()
    {
        var local = LocalPostgres.LocalServer.Start("test-postgres", ChoosePort());
        return new Server(local.ConnectionString, local.StartedByUs, local.Script, local.Environment);
    }

    private static int ChoosePort()
    {
        try
        {
            using var preferred = new TcpListener(IPAddress.Loopback, PreferredPort);
            preferred.Start();
            return PreferredPort;
        }
        catch (SocketException)
        {
            return Ports.Free();
        }
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
    /// databases and, if we started the server and no other client uses it (sessions, or test
    /// databases created since we started), stops it.
    /// </summary>
    private static void StartWatcher(Server server)
    {
        const string Watcher = """
            pid=$1 token=$2 stop=$3 since=$4 log=$5 script=$6 conninfo=$7
            exec </dev/null >>"$log" 2>&1
            if [ -n "$script" ]; then psql_cmd=(bash "$script" psql); else psql_cmd=(psql "$conninfo"); fi
            while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
            echo "$(date -u +%FT%TZ) test process $pid exited; dropping its databases (token $token)"
            for db in $("${psql_cmd[@]}" -XqAt -c "SELECT datname FROM pg_database WHERE datname LIKE 'bltest\_%\_${token}\_%'"); do
                "${psql_cmd[@]}" -Xq -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
            done
            if [ "$stop" = 1 ]; then
                busy=$("${psql_cmd[@]}" -XqAt -c "SELECT (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()) + (SELECT count(*) FROM pg_database WHERE datname ~ '^bltest_[0-9]{12}_' AND substring(datname from 8 for 12) >= '$since')")
                if [ "$busy" = 0 ]; then bash "$script" stop; else echo "server still in use ($busy); left running"; fi
            fi
            """;

        try
        {
            var logFolder = server.Script is not null
                ? Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(server.Script)!)!, ".data")
                : Path.GetTempPath();
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
            startInfo.ArgumentList.Add(server.StartedByUs ? "1" : "0");
            startInfo.ArgumentList.Add(Process.GetCurrentProcess().StartTime.ToUniversalTime().AddSeconds(-1).ToString(StampFormat, CultureInfo.InvariantCulture));
            startInfo.ArgumentList.Add(Path.Combine(logFolder, "test-postgres-watcher.log"));
            startInfo.ArgumentList.Add(server.Script ?? "");
            startInfo.ArgumentList.Add(server.Script is null ? ToLibpqConnInfo(server.ConnectionString, startInfo) : "");
            foreach (var (key, value) in server.ScriptEnvironment)
            {
                startInfo.Environment[key] = value;
            }

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
