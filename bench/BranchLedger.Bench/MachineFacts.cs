using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace BranchLedger.Bench;

/// <summary>What a benchmark report says about the machine, the code and the server it measured (shared by the benchmarks).</summary>
internal static partial class MachineFacts
{
    /// <summary>Server settings that shape the cost of a write; printed with the results.</summary>
    public static readonly string[] PostgresSettings =
        ["fsync", "synchronous_commit", "full_page_writes", "shared_buffers", "wal_compression", "default_toast_compression"];

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    public static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>The commit, and how many files under grains/ and silo/ had uncommitted changes (or BRANCHLEDGER_BENCH_CODE outside git).</summary>
    public static string CodeVersion(string root)
    {
        try
        {
            var commit = Git(root, "rev-parse", "--short", "HEAD");
            var dirty = Git(root, "status", "--porcelain", "--", "grains", "silo").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            return commit.Length == 0 ? Environment.GetEnvironmentVariable("BRANCHLEDGER_BENCH_CODE") ?? "?"
                : dirty == 0 ? commit : $"{commit} + {dirty} uncommitted file(s) in grains/ silo/";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    /// <summary>"10.4.2+sha" or "10.4.2. Commit Hash: sha" → "10.4.2".</summary>
    public static string PackageVersion(Type type) =>
        VersionPrefix().Match(type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?") is { Success: true } m
            ? m.Value
            : "?";

    public static async Task<string> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private static string Git(string root, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add("-C");
        startInfo.ArgumentList.Add(root);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : "";
    }

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)*(-[0-9A-Za-z.-]*[0-9A-Za-z])?")]
    private static partial Regex VersionPrefix();
}
