using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace BranchLedger.LocalPostgres;

/// <summary>
/// A PostgreSQL server of this checkout, started (or found running) by <c>scripts/postgres.sh</c> with
/// its own data folder under <c>.data/</c> on a loopback port.
/// </summary>
/// <param name="ConnectionString">To the server's maintenance database (<c>postgres</c>).</param>
/// <param name="StartedByUs">Whether this process started it (then it should stop it).</param>
/// <param name="Script">The script that manages it.</param>
/// <param name="Environment">The script's settings for this server.</param>
public sealed record LocalServer(string ConnectionString, bool StartedByUs, string Script, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The outcome of one script command.</summary>
    public sealed record ScriptResult(int ExitCode, string StdOut, string StdErr);

    /// <summary>Starts the server whose data lives in <c>.data/{dataFolder}</c>, or joins it where it already runs.</summary>
    public static LocalServer Start(string dataFolder, int port)
    {
        var script = System.IO.Path.Combine(RepoRoot.Path, "scripts", "postgres.sh");
        var environment = new Dictionary<string, string>
        {
            ["BRANCHLEDGER_PGDATA"] = System.IO.Path.Combine(RepoRoot.Path, ".data", dataFolder),
            ["BRANCHLEDGER_PGPORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["BRANCHLEDGER_PGDATABASE"] = "postgres",
        };

        // 'start' keeps a server that already runs on this data folder (left by a killed run, or
        // started by a concurrent process) on its port; 'url' then reports that port.
        var wasRunning = Run(script, environment, "status", [0, 3]).ExitCode == 0;
        Run(script, environment, "start");
        var url = Run(script, environment, "url").StdOut.Trim();
        var builder = new NpgsqlConnectionStringBuilder(url) { Database = "postgres" };
        return new LocalServer(builder.ConnectionString, !wasRunning, script, environment);
    }

    /// <summary>
    /// Starts a throwaway server in a new folder <c>.run/pg/{name}-{owner}-{random}</c>, owned by the
    /// process <paramref name="ownerProcessId"/> (default: this one): when that process exits, however
    /// it ends, a detached watcher of <c>scripts/postgres.sh</c> stops the server and deletes its folders.
    /// <see cref="Destroy"/> does so at once.
    /// </summary>
    public static LocalServer StartThrowaway(string name, int port, int? ownerProcessId = null)
    {
        var owner = ownerProcessId ?? System.Environment.ProcessId;
        var folder = $"{name}-{owner.ToString(CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 3))}";
        var environment = new Dictionary<string, string>
        {
            ["BRANCHLEDGER_PGDATA"] = System.IO.Path.Combine(RepoRoot.Path, ".run", "pg", folder),
            ["BRANCHLEDGER_PGPORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["BRANCHLEDGER_PGDATABASE"] = "postgres",
            ["BRANCHLEDGER_PGOWNER"] = owner.ToString(CultureInfo.InvariantCulture),
        };

        var script = System.IO.Path.Combine(RepoRoot.Path, "scripts", "postgres.sh");
        Run(script, environment, "start");
        var url = Run(script, environment, "url").StdOut.Trim();
        var builder = new NpgsqlConnectionStringBuilder(url) { Database = "postgres" };
        return new LocalServer(builder.ConnectionString, StartedByUs: true, script, environment);
    }

    /// <summary>The data folder the script was given (<c>BRANCHLEDGER_PGDATA</c>).</summary>
    public string DataFolder => Environment["BRANCHLEDGER_PGDATA"];

    /// <summary>Stops the server (fast shutdown; data kept).</summary>
    public void Stop() => Run(Script, Environment, "stop");

    /// <summary>Stops a throwaway server (<see cref="StartThrowaway"/>) and deletes its folders. Idempotent.</summary>
    public void Destroy() => Run(Script, Environment, "destroy");

    /// <summary>Runs one script command; throws unless its exit code is allowed (default: 0).</summary>
    public static ScriptResult Run(string script, IReadOnlyDictionary<string, string> environment, string command, int[]? allowedExitCodes = null)
    {
        var startInfo = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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

        var result = new ScriptResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        if (!(allowedExitCodes ?? [0]).Contains(result.ExitCode))
        {
            throw new InvalidOperationException(
                $"'scripts/postgres.sh {command}' failed with exit code {result.ExitCode}:\n{result.StdErr}{result.StdOut}");
        }

        return result;
    }
}
