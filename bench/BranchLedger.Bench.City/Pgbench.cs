using System.Diagnostics;
using System.Globalization;
using BranchLedger.Bench.Rankings;
using Npgsql;

namespace BranchLedger.Bench.City;

/// <summary>
/// pgbench, found where scripts/postgres.sh finds the server (<c>postgres.sh bindir</c>), run on the
/// bench database with a custom script: closed loop, C clients for S seconds, every transaction's
/// latency logged (<c>-l</c>) so p50/p99 come from the same order statistics as the gRPC numbers.
/// </summary>
internal sealed class Pgbench(string connectionString)
{
    private static readonly Lazy<string> Binary = new(() =>
    {
        var script = Path.Combine(LocalPostgres.RepoRoot.Path, "scripts", "postgres.sh");
        var dir = LocalPostgres.LocalServer.Run(script, new Dictionary<string, string>(), "bindir").StdOut.Trim();
        var path = Path.Combine(dir, "pgbench");
        return File.Exists(path) ? path : throw new FileNotFoundException($"pgbench is not next to the server binaries in {dir}.");
    });

    /// <summary>Runs <paramref name="sql"/> as the transaction script.</summary>
    public async Task<Level> RunAsync(string sql, int clients, TimeSpan duration, IReadOnlyDictionary<string, string>? variables = null)
    {
        var work = Directory.CreateTempSubdirectory("branchledger-pgbench-");
        try
        {
            var scriptFile = Path.Combine(work.FullName, "script.sql");
            await File.WriteAllTextAsync(scriptFile, sql);
            var db = new NpgsqlConnectionStringBuilder(connectionString);
            var info = new ProcessStartInfo(Binary.Value)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = work.FullName,
            };
            foreach (var arg in new[]
            {
                "-n", "-h", db.Host!, "-p", db.Port.ToString(CultureInfo.InvariantCulture), "-U", db.Username ?? "postgres",
                "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
                "-T", Math.Max(1, (int)Math.Round(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
                "-M", "prepared", "-l", "--log-prefix=tx", "-f", scriptFile,
            })
            {
                info.ArgumentList.Add(arg);
            }

            foreach (var (key, value) in variables ?? new Dictionary<string, string>())
            {
                info.ArgumentList.Add("-D");
                info.ArgumentList.Add($"{key}={value}");
            }

            info.ArgumentList.Add(db.Database!);
            info.Environment["PGAPPNAME"] = "branchledger-bench";
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"pgbench failed ({process.ExitCode}):\n{await stderr}{await stdout}");
            }

            // Log lines: client_id transaction_no latency_us script_no epoch_s epoch_us.
            var latencies = work.EnumerateFiles("tx.*")
                .SelectMany(f => File.ReadLines(f.FullName))
                .Select(l => l.Split(' '))
                .Select(p => double.Parse(p[2], CultureInfo.InvariantCulture) / 1000)
                .ToList();
            var seconds = Math.Max(1, Math.Round(duration.TotalSeconds));
            return new Level(clients, latencies.Count, seconds, latencies.Count / seconds, Stats.Of(latencies));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
