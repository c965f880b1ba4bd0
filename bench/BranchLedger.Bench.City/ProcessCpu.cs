using System.Globalization;

namespace BranchLedger.Bench.City;

/// <summary>
/// CPU time (user + system, from /proc) of the processes a write passes through — the load generator
/// (this process), the gateway, the silo and every PostgreSQL backend — and of the whole machine, so a
/// stage can say where each write's CPU went and how much of the machine something else used.
/// </summary>
internal sealed record ProcessCpu(double Client, double Gateway, double Silo, double Postgres, double Machine)
{
    // /proc reports clock ticks of 1/100 s.
    private const double TicksPerSecond = 100;

    public static ProcessCpu Take(CityPlatform platform) => new(
        Seconds(Environment.ProcessId),
        Seconds(platform.GatewayProcessId),
        Seconds(platform.SiloProcessId),
        PostgresSeconds(),
        MachineBusy());

    public static ProcessCpu operator -(ProcessCpu after, ProcessCpu before) => new(
        after.Client - before.Client, after.Gateway - before.Gateway, after.Silo - before.Silo,
        after.Postgres - before.Postgres, after.Machine - before.Machine);

    /// <summary>CPU µs per call of each part, and what the rest of the machine used meanwhile.</summary>
    public string PerCall(int calls) => string.Create(CultureInfo.InvariantCulture,
        $"{Us(Client, calls)} | {Us(Gateway, calls)} | {Us(Silo, calls)} | {Us(Postgres, calls)} | {Us(Client + Gateway + Silo + Postgres, calls)} | {Machine - Client - Gateway - Silo - Postgres:0.0} s");

    private static string Us(double seconds, int calls) => (seconds * 1e6 / Math.Max(calls, 1)).ToString("N0", CultureInfo.InvariantCulture);

    private static double Seconds(int pid) => Ticks(File.ReadAllText($"/proc/{pid}/stat")) / TicksPerSecond;

    // utime + stime: fields 14 and 15, counted after the command name in parentheses (which may hold spaces).
    private static long Ticks(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    // The server and its backends are all named "postgres"; their exited children are in no stat any more,
    // but a backend lives as long as its pooled connection, which outlives a stage.
    private static double PostgresSeconds()
    {
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (stat.Contains("(postgres)", StringComparison.Ordinal))
                {
                    ticks += Ticks(stat);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return ticks / TicksPerSecond;
    }

    // The first line of /proc/stat: user nice system idle iowait irq softirq steal …; busy is all but idle and iowait.
    private static double MachineBusy()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields.Take(8).Sum() - fields[3] - fields[4]) / TicksPerSecond;
    }
}
