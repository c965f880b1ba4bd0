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

    /// <summary>Now, with <paramref name="postmaster"/> the PID of the run's PostgreSQL server (<see cref="PostmasterAsync"/>).</summary>
    public static ProcessCpu Take(CityPlatform platform, int postmaster) => new(
        Seconds(Environment.ProcessId),
        Seconds(platform.GatewayProcessId),
        Seconds(platform.SiloProcessId),
        PostgresSeconds(postmaster),
        MachineBusy());

    /// <summary>The server process of the run's PostgreSQL: the parent of a backend serving it.</summary>
    public static async Task<int> PostmasterAsync(string connectionString)
    {
        var backend = await BranchLedger.Bench.MachineFacts.ScalarAsync(connectionString, "SELECT pg_backend_pid()");
        return int.Parse(Fields(File.ReadAllText($"/proc/{backend}/stat"))[1], CultureInfo.InvariantCulture);
    }

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
        var fields = Fields(stat);
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    // The fields after "pid (comm) ": state, ppid, …
    private static string[] Fields(string stat) => stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

    // The server and its live children, plus what its exited children used (cutime + cstime, fields 16
    // and 17: a backend that ends between two readings moves its time there, so the sum stays whole).
    // Other PostgreSQL servers on the machine (other tests' throwaway ones) are not counted.
    private static double PostgresSeconds(int postmaster)
    {
        var server = Fields(File.ReadAllText($"/proc/{postmaster}/stat"));
        long ticks = Ticks(File.ReadAllText($"/proc/{postmaster}/stat"))
            + long.Parse(server[13], CultureInfo.InvariantCulture) + long.Parse(server[14], CultureInfo.InvariantCulture);
        var parent = postmaster.ToString(CultureInfo.InvariantCulture);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (Fields(stat)[1] == parent)
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
