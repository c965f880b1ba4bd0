using BranchLedger.Api.V1;
using Grpc.Net.Client;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>Silos (one unless told) and one gateway as real processes on loopback, on one database.</summary>
public sealed class LocalPlatform : IAsyncDisposable
{
    private readonly List<Dictionary<string, string>> _siloEnvironments;
    private readonly Dictionary<string, string> _gatewayEnvironment;
    private readonly List<PlatformProcess> _silos = [];

    /// <param name="connectionString">The database of the platform.</param>
    /// <param name="silos">How many silo processes.</param>
    /// <param name="siloSettings">Extra silo configuration (environment variables), e.g. its probe and metrics listener.</param>
    /// <param name="both">Configuration of the silos and the gateway (e.g. cluster TLS).</param>
    /// <param name="gateway">Extra gateway configuration.</param>
    /// <param name="grpcScheme">"https" when <paramref name="gateway"/> configures a certificate for the gRPC endpoint.</param>
    public LocalPlatform(
        string connectionString, int silos = 1, IReadOnlyDictionary<string, string>? siloSettings = null,
        IReadOnlyDictionary<string, string>? both = null, IReadOnlyDictionary<string, string>? gateway = null, string grpcScheme = "http")
    {
        var clusterId = "proc-" + Guid.NewGuid().ToString("N")[..8];
        GrpcPort = Ports.Free();
        var common = new Dictionary<string, string>
        {
            ["ConnectionStrings__BranchLedger"] = connectionString,
            ["Orleans__ClusterId"] = clusterId,
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        _siloEnvironments = Enumerable.Range(0, silos).Select(_ => new Dictionary<string, string>(common)
        {
            ["Orleans__SiloPort"] = Ports.Free().ToString(),
            ["Orleans__GatewayPort"] = Ports.Free().ToString(),
            ["Database__MigrateOnStart"] = "true",
        }).ToList();
        foreach (var environment in _siloEnvironments)
        {
            foreach (var (key, value) in (siloSettings ?? new Dictionary<string, string>()).Concat(both ?? new Dictionary<string, string>()))
            {
                environment[key] = value;
            }
        }

        _gatewayEnvironment = new(common)
        {
            ["Kestrel__Endpoints__Grpc__Url"] = $"{grpcScheme}://127.0.0.1:{GrpcPort}",
            ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{Ports.Free()}",
            ["Auth__LocalSigningKey"] = TestCredentials.SigningKey,
        };
        foreach (var (key, value) in both ?? new Dictionary<string, string>())
        {
            _gatewayEnvironment[key] = value;
        }

        foreach (var (key, value) in gateway ?? new Dictionary<string, string>())
        {
            _gatewayEnvironment[key] = value;
        }
    }

    public int GrpcPort { get; }

    /// <summary>The first silo.</summary>
    public PlatformProcess? Silo => _silos.FirstOrDefault();

    public IReadOnlyList<PlatformProcess> Silos => _silos;

    public PlatformProcess? Gateway { get; private set; }

    public async Task StartAsync()
    {
        _silos.AddRange(_siloEnvironments.Select(environment => PlatformProcess.Start("silo", "BranchLedger.Silo", environment)));
        await Task.WhenAll(_silos.Select((silo, i) =>
            WaitAsync(silo, int.Parse(_siloEnvironments[i]["Orleans__GatewayPort"], System.Globalization.CultureInfo.InvariantCulture))));

        Gateway = PlatformProcess.Start("gateway", "BranchLedger.Gateway", _gatewayEnvironment);
        await WaitAsync(Gateway, GrpcPort);
    }

    public async Task StopAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.StopAsync();
        }

        foreach (var silo in _silos)
        {
            await silo.StopAsync();
        }
    }

    public LedgerService.LedgerServiceClient Ledger() =>
        new(GrpcChannel.ForAddress($"http://127.0.0.1:{GrpcPort}"));

    public DirectoryService.DirectoryServiceClient Directory() =>
        new(GrpcChannel.ForAddress($"http://127.0.0.1:{GrpcPort}"));

    public async ValueTask DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }

    private static async Task WaitAsync(PlatformProcess process, int port)
    {
        try
        {
            await Ports.WaitOpenAsync(port, TimeSpan.FromSeconds(90), () => process.IsRunning);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n--- process output ---\n{process.Output}", ex);
        }
    }
}
