using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using BranchLedger.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace BranchLedger.Integration.Tests.Processes;

/// <summary>
/// A test PostgreSQL never outlives the process it belongs to: started the way <c>scripts/test.sh</c>
/// and the test setup start theirs (<c>scripts/postgres.sh start</c> with <c>BRANCHLEDGER_PGOWNER</c>),
/// it is stopped and its folders are deleted once that process is killed, which runs no cleanup itself.
/// </summary>
public sealed partial class TestServerCleanupTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_test_server_is_stopped_and_deleted_when_its_owner_is_killed()
    {
        var script = Path.Combine(RepoPaths.Root, "scripts", "postgres.sh");
        var wanted = Path.Combine(RepoPaths.Root, ".run", "pg", $"cleanup-test-{Guid.NewGuid():N}"[..24]);
        var environment = new Dictionary<string, string>
        {
            ["BRANCHLEDGER_PGDATA"] = wanted,
            ["BRANCHLEDGER_PGPORT"] = Ports.Free().ToString(CultureInfo.InvariantCulture),
            ["BRANCHLEDGER_PGDATABASE"] = "postgres",
        };

        // The owner: starts the server as its own, then waits as a test run would.
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("BRANCHLEDGER_PGOWNER=$$ bash \"$0\" start || exit 1; bash \"$0\" status; exec sleep 300");
        info.ArgumentList.Add(script);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        string? data = null;
        using var owner = Process.Start(info)!;
        var errors = owner.StandardError.ReadToEndAsync();
        try
        {
            // "running on ... (pid ..., data: <folder>, ...)": the wanted folder, or a temp folder when the
            // server's OS user cannot reach it.
            var status = await owner.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2)) ?? "";
            output.WriteLine(status);
            if (!status.StartsWith("running", StringComparison.Ordinal))
            {
                Assert.Fail($"the owner did not start its server:\n{status}\n{await errors}");
            }

            data = DataFolder().Match(status).Groups["data"].Value;
            Assert.NotEmpty(ServerProcesses(data));

            owner.Kill();
            await owner.WaitForExitAsync();

            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < Patience && (ServerProcesses(data).Count > 0 || Directory.Exists(data) || Directory.Exists(wanted) || File.Exists(wanted + ".owner")))
            {
                await Task.Delay(200);
            }

            output.WriteLine($"gone {waited.Elapsed.TotalSeconds:0.0} s after the owner was killed");
            Assert.Empty(ServerProcesses(data));
            Assert.False(Directory.Exists(data), $"{data} is left behind");
            Assert.False(Directory.Exists(wanted), $"{wanted} is left behind");
            Assert.False(File.Exists(wanted + ".owner"), $"{wanted}.owner is left behind");
        }
        finally
        {
            if (!owner.HasExited)
            {
                owner.Kill();
            }

            // Whatever the assertions found, leave nothing behind for the next run.
            if (File.Exists(wanted + ".owner"))
            {
                LocalPostgres.LocalServer.Run(script, environment, "destroy", [0, 1]);
            }
            else if (Directory.Exists(wanted))
            {
                LocalPostgres.LocalServer.Run(script, environment, "stop", [0, 1]);
                File.Delete(wanted + ".log");
            }
            foreach (var folder in new[] { wanted, data }.OfType<string>().Where(f => f.Length > 0 && Directory.Exists(f)))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The ids of the PostgreSQL servers running on a data folder (from <c>/proc/*/cmdline</c>).</summary>
    private static List<int> ServerProcesses(string data)
    {
        var ids = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var id))
            {
                continue;
            }

            try
            {
                var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var at = Array.IndexOf(args, "-D");
                if (at >= 0 && at + 1 < args.Length && args[at + 1] == data && Path.GetFileName(args[0]) == "postgres")
                {
                    ids.Add(id);
                }
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return ids;
    }

    [GeneratedRegex(@"data: (?<data>[^,)]+)")]
    private static partial Regex DataFolder();
}
