using System.Globalization;
using BranchLedger.Api.V1;
using BranchLedger.Bench;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace BranchLedger.Bench.City;

/// <summary>
/// The platform under test: the bench PostgreSQL (scripts/postgres.sh, its own data folder and port),
/// a fresh database, and one silo and one gateway started as real processes from their build outputs
/// (the integration tests' <see cref="LocalPlatform"/>), the silo with its metrics listener on a known port.
/// </summary>
internal sealed class CityPlatform : IAsyncDisposable
{
    private readonly BenchPostgres _postgres;
    private readonly LocalPlatform _platform;
    private readonly HttpClient _http = new();

    private CityPlatform(BenchPostgres postgres, string database, LocalPlatform platform, int metricsPort)
    {
        _postgres = postgres;
        Database = database;
        _platform = platform;
        MetricsUrl = $"http://127.0.0.1:{metricsPort}/metrics";
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{platform.GrpcPort}");
    }

    public string Database { get; }

    public string ServerConnectionString => _postgres.ServerConnectionString;

    public string MetricsUrl { get; }

    public GrpcChannel Channel { get; }

    public int SiloProcessId => _platform.Silo!.Id;

    public int GatewayProcessId => _platform.Gateway!.Id;

    public int GrpcPort => _platform.GrpcPort;

    /// <summary>The platform's processes (the fault run kills a silo).</summary>
    public LocalPlatform Processes => _platform;

    public LedgerService.LedgerServiceClient Ledger => new(Channel);

    public DirectoryService.DirectoryServiceClient Directory => new(Channel);

    public RankingService.RankingServiceClient Rankings => new(Channel);

    public RubricService.RubricServiceClient Rubrics => new(Channel);

    public Health.HealthClient Health => new(Channel);

    /// <summary>
    /// The gateway's per-tenant and per-credential budgets, raised out of the way: the benchmark measures
    /// what the platform can do, and one benchmark client would otherwise be throttled as one tenant.
    /// </summary>
    private static readonly Dictionary<string, string> UnlimitedBudgets = new()
    {
        ["Limits__TenantRequestsPerSecond"] = "1000000",
        ["Limits__TenantBurst"] = "1000000",
        ["Limits__ClientRequestsPerSecond"] = "1000000",
        ["Limits__ClientBurst"] = "1000000",
        ["Limits__TenantImportRowsPerSecond"] = "100000000",
        ["Limits__TenantConcurrency"] = "100000",
    };

    // The silo's ledger grain class, as Orleans keys collection ages (the bench does not load the silo's assemblies).
    private const string LedgerGrainClass = "BranchLedger.Grains.Ledger.LedgerGrain";

    /// <param name="throwaway">A server for this run only, deleted at its end (the smoke run: nothing is kept to look at).</param>
    /// <param name="silos">Silo processes (the fault run: 2).</param>
    /// <param name="gateways">Gateway processes (the fault run: 2).</param>
    public static async Task<CityPlatform> StartAsync(string stamp, int postgresPort, int ledgerIdleSeconds, bool throwaway, Action<string> progress, int silos = 1, int gateways = 1, IReadOnlyDictionary<string, string>? siloLogLevels = null)
    {
        progress(throwaway
            ? $"PostgreSQL: a throwaway server for this run (.run/pg, port {postgresPort})"
            : $"PostgreSQL: scripts/postgres.sh start (.data/{CityOptions.PostgresFolder}, port {postgresPort})");
        var postgres = throwaway
            ? BenchPostgres.StartThrowaway(CityOptions.PostgresFolder, postgresPort)
            : BenchPostgres.Start(CityOptions.PostgresFolder, postgresPort);
        var database = await postgres.CreateDatabaseAsync(stamp, "city");
        var metricsPort = Ports.Free();
        var siloSettings = new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Warning",

            // Idle ledgers leave sooner than in production, so a scale point can be measured with its
            // ledgers active and again with them collected without waiting minutes; the collector looks often.
            [$"Orleans__GrainCollection__ClassSpecificCollectionAge__{LedgerGrainClass}"] = TimeSpan.FromSeconds(ledgerIdleSeconds).ToString("c", CultureInfo.InvariantCulture),
            ["Orleans__GrainCollection__CollectionQuantum"] = "00:00:05",
        };
        foreach (var (category, level) in siloLogLevels ?? new Dictionary<string, string>())
        {
            siloSettings[$"Logging__LogLevel__{category}"] = level;
        }

        if (silos == 1)
        {
            // The metrics listener (memory is read from it) on a port of its own; several silos would share it, and the fault run reads no memory.
            siloSettings["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{metricsPort.ToString(CultureInfo.InvariantCulture)}";
        }

        // The ranking repair after a silo's loss logs at Warning, so the fault run can read when it ended.
        var platform = new LocalPlatform(database, siloSettings: siloSettings,
            gateway: new Dictionary<string, string>(UnlimitedBudgets) { ["Logging__LogLevel__Default"] = "Warning" }, silos: silos, gateways: gateways);
        progress($"{silos} silo(s) and {gateways} gateway(s): starting as processes");
        var city = new CityPlatform(postgres, database, platform, metricsPort);
        try
        {
            await platform.StartAsync();
            await city.WaitServingAsync();
            return city;
        }
        catch
        {
            // A process that did not come up (a busy machine): stop the others and the server, leave nothing running.
            await city.DisposeAsync();
            throw;
        }
    }

    /// <summary>The silo's resident memory (VmRSS) in bytes.</summary>
    public long SiloResidentBytes()
    {
        var line = File.ReadLines($"/proc/{SiloProcessId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        // "VmRSS:\t  123456 kB": the kernel pads the number to 8 digits after the tab, so from ~9.5 GiB on
        // there is no space between them — split on both.
        return long.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// Waits until the silo uses less than a fifth of a core over a second (at most a minute): after a
    /// load, ledgers still score their quarters and months and push them, which a measurement would pay for.
    /// </summary>
    public async Task<double> WaitQuietAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var last = SiloCpuTicks();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(1000);
            var now = SiloCpuTicks();
            if (now - last < 100 / 5) // clock ticks are 1/100 s
            {
                break;
            }

            last = now;
        }

        return clock.Elapsed.TotalSeconds;
    }

    // utime + stime of /proc/<pid>/stat (fields 14 and 15, after the command name in parentheses).
    private long SiloCpuTicks()
    {
        var stat = File.ReadAllText($"/proc/{SiloProcessId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>What each process wrote to its console.</summary>
    public IEnumerable<(string Name, string Output)> Logs() =>
        _platform.Silos.Select((silo, i) => ($"silo{i}", silo.Output)).Append(("gateway", _platform.Gateway?.Output ?? ""));

    /// <summary>The silo's Prometheus scrape.</summary>
    public Task<string> SiloMetricsAsync() => _http.GetStringAsync(MetricsUrl);

    public async ValueTask DisposeAsync(bool keepPostgres)
    {
        Channel.Dispose();
        _http.Dispose();
        await _platform.StopAsync();
        await _platform.DisposeAsync();
        await _postgres.FinishAsync(keepDatabases: false, keepPostgres, _ => { });
    }

    public ValueTask DisposeAsync() => DisposeAsync(keepPostgres: false);

    // The gateway answers before it has found the silo: wait until its health says SERVING.
    private async Task WaitServingAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var reply = await Health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (Grpc.Core.RpcException) when (attempt < 120)
            {
            }

            if (attempt >= 120)
            {
                throw new TimeoutException("The gateway did not report SERVING within a minute.");
            }

            await Task.Delay(500);
        }
    }
}
