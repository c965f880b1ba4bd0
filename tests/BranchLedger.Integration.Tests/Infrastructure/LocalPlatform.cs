using BranchLedger.Api.V1;
using Grpc.Net.Client;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>Silos and gateways (one each unless told) as real processes on loopback, on one database.</summary>
public sealed class LocalPlatform : IAsyncDisposable
{
    private readonly List<Dictionary<string, string>> _siloEnvironments;
    private readonly List<Dictionary<string, string>> _gatewayEnvironments;
    private readonly List<PlatformProcess> _silos = [];
    private readonly List<PlatformProcess> _gateways = [];

    /// <param name="connectionString">The database of the platform.</param>
    /// <param name="silos">How many silo processes.</param>
    /// <param name="siloSettings">Extra silo configuration (environment variables), e.g. its probe and metrics listener.</param>
    /// <param name="both">Configuration of the silos and the gateway (e.g. cluster TLS).</param>
    /// <param name="gateway">Extra gateway configuration.</param>
    /// <param name="grpcScheme">"https" when <paramref name="gateway"/> configures a certificate for the gRPC endpoint.</param>
    /// <param name="gateways">How many gateway processes (each with its own ports).</param>
    public LocalPlatform(
        string connectionString, int silos = 1, IReadOnlyDictionary<string, string>? siloSettings = null,
        IReadOnlyDictionary<string, string>? both = null, IReadOnlyDictionary<string, string>? gateway = null, string grpcScheme = "http",
        int gateways = 1)
    {
        var clusterId = "proc-" + Guid.NewGuid().ToString("N")[..8];
        ClusterId = clusterId;
        GrpcPorts = [.. Enumerable.Range(0, gateways).Select(_ => Ports.Free())];
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

        _gatewayEnvironments = [.. GrpcPorts.Select(port =>
        {
            var environment = new Dictionary<string, string>(common)
            {
                ["Kestrel__Endpoints__Grpc__Url"] = $"{grpcScheme}://127.0.0.1:{port}",
                ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{Ports.Free()}",
                ["Auth__LocalSigningKey"] = TestCredentials.SigningKey,
            };
            foreach (var (key, value) in (both ?? new Dictionary<string, string>()).Concat(gateway ?? new Dictionary<string, string>()))
            {
                environment[key] = value;
            }

            return environment;
        })];
    }

    /// <summary>The first gateway's gRPC port.</summary>
    public int GrpcPort => GrpcPorts[0];

    /// <summary>Every gateway's gRPC port, in the order of <see cref="Gateways"/>.</summary>
    public IReadOnlyList<int> GrpcPorts { get; }

    /// <summary>The silo-to-silo port of silo <paramref name="silo"/> (the membership table's <c>port</c>).</summary>
    public int SiloPort(int silo) => int.Parse(_siloEnvironments[silo]["Orleans__SiloPort"], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The Orleans cluster id (the membership table's <c>deploymentid</c>).</summary>
    public string ClusterId { get; }

    /// <summary>The first silo.</summary>
    public PlatformProcess? Silo => _silos.FirstOrDefault();

    public IReadOnlyList<PlatformProcess> Silos => _silos;

    /// <summary>The first gateway.</summary>
    public PlatformProcess? Gateway => _gateways.FirstOrDefault();

    public IReadOnlyList<PlatformProcess> Gateways => _gateways;

    public async Task StartAsync()
    {
        _silos.AddRange(_siloEnvironments.Select(environment => PlatformProcess.Start("silo", "BranchLedger.Silo", environment)));
        await Task.WhenAll(_silos.Select((silo, i) =>
            WaitAsync(silo, int.Parse(_siloEnvironments[i]["Orleans__GatewayPort"], System.Globalization.CultureInfo.InvariantCulture))));

        _gateways.AddRange(_gatewayEnvironments.Select(environment => PlatformProcess.Start("gateway", "BranchLedger.Gateway", environment)));
        await Task.WhenAll(_gateways.Select((gateway, i) => WaitAsync(gateway, GrpcPorts[i])));
    }

    public async Task StopAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.StopAsync();
        }

        foreach (var silo in _silos)
        {
            await silo.StopAsync();
        }
    }

    public LedgerService.LedgerServiceClient Ledger(int gateway = 0) => new(Channel(gateway));

    public DirectoryService.DirectoryServiceClient Directory(int gateway = 0) => new(Channel(gateway));

    public RankingService.RankingServiceClient Rankings(int gateway = 0) => new(Channel(gateway));

    /// <summary>A channel to one gateway's gRPC endpoint (plain HTTP/2).</summary>
    public GrpcChannel Channel(int gateway = 0) => GrpcChannel.ForAddress($"http://127.0.0.1:{GrpcPorts[gateway]}");

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
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
