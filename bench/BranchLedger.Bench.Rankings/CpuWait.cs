using System.Globalization;

namespace BranchLedger.Bench.Rankings;

/// <summary>
/// How long this process' threads waited for a CPU (Linux <c>/proc/self/task/*/schedstat</c>, run-queue
/// wait) and the machine's CPU pressure (<c>/proc/pressure/cpu</c>): on a shared machine a slow sample
/// is often one whose threads were runnable but not running, and these say so.
/// </summary>
internal static class CpuWait
{
    /// <summary>Run-queue wait of every thread of this process so far, in ms (NaN where not available).</summary>
    public static double RunQueueWaitMs()
    {
        try
        {
            long total = 0;
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                try
                {
                    var fields = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ');
                    total += long.Parse(fields[1], CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // The thread ended while we read.
                }
            }

            return total / 1e6;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return double.NaN;
        }
    }

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
