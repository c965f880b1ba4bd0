using System.Globalization;

namespace BranchLedger.Bench.Rankings;

/// <summary>
/// How long this process' threads waited for a CPU (Linux <c>/proc/self/task/*/schedstat</c>, run-queue
/// wait) and the machine's CPU pressure (<c>/proc/pressure/cpu</c>): on a shared machine a slow sample
/// is often one whose threads were runnable but not running, and these say so.
/// </summary>
internal static class CpuWait
{
    /// <summary>Run-queue wait so far of every live thread of this process, in ns, by thread id (empty where not available).</summary>
    public static Dictionary<string, long> Snapshot()
    {
        var waits = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                try
                {
                    var fields = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ');
                    waits[Path.GetFileName(task)] = long.Parse(fields[1], CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // The thread ended while we read.
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No procfs: the report shows nothing.
        }

        return waits;
    }

    /// <summary>
    /// Run-queue wait between two snapshots, summed over threads, in ms: threads born in between count
    /// whole, threads that ended in between are missed (take the second snapshot before a measuring
    /// thread exits). NaN without procfs.
    /// </summary>
    public static double BetweenMs(Dictionary<string, long> before, Dictionary<string, long> after) =>
        after.Count == 0 ? double.NaN : after.Sum(t => Math.Max(0, t.Value - before.GetValueOrDefault(t.Key))) / 1e6;

    /// <summary>"some avg10/avg60": the share of time at least one task on the machine waited for a CPU.</summary>
    public static string Pressure()
    {
        try
        {
            var some = File.ReadLines("/proc/pressure/cpu").FirstOrDefault(l => l.StartsWith("some", StringComparison.Ordinal));
            if (some is null)
            {
                return "?";
            }

            var values = some.Split(' ').Select(p => p.Split('=')).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
            return $"{values.GetValueOrDefault("avg10", "?")} % / {values.GetValueOrDefault("avg60", "?")} %";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "?";
        }
    }
}
