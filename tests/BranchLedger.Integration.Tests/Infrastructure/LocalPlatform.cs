using BranchLedger.Api.V1;
using Grpc.Net.Client;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>One silo and one gateway as real processes on loopback, on one database.</summary>
public sealed class LocalPlatform : IAsyncDisposable
{
    private readonly Dictionary<string, string> _siloEnvironment;
    private readonly Dictionary<string, string> _gatewayEnvironment;
    private readonly int _siloGatewayPort;

    /// <param name="connectionString">The database of the platform.</param>
    /// <param name="siloSettings">Extra silo configuration (environment variables), e.g. its probe and metrics listener.</param>
    /// <param name="both">Configuration of the silo and the gateway (e.g. cluster TLS).</param>
    /// <param name="gateway">Extra gateway configuration.</param>
    /// <param name="grpcScheme">"https" when <paramref name="gateway"/> configures a certificate for the gRPC endpoint.</param>
    public LocalPlatform(
        string connectionString, IReadOnlyDictionary<string, string>? siloSettings = null, IReadOnlyDictionary<string, string>? both = null,
        IReadOnlyDictionary<string, string>? gateway = null, string grpcScheme = "http")
    {
        var clusterId = "proc-" + Guid.NewGuid().ToString("N")[..8];
        _siloGatewayPort = Ports.Free();
        GrpcPort = Ports.Free();
        var common = new Dictionary<string, string>
        {
            ["ConnectionStrings__BranchLedger"] = connectionString,
            ["Orleans__ClusterId"] = clusterId,
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        _siloEnvironment = new(common)
        {
            ["Orleans__SiloPort"] = Ports.Free().ToString(),
            ["Orleans__GatewayPort"] = _siloGatewayPort.ToString(),
            ["Database__MigrateOnStart"] = "true",
        };
        foreach (var (key, value) in siloSettings ?? new Dictionary<string, string>())
        {
            _siloEnvironment[key] = value;
        }

        _gatewayEnvironment = new(common)
        {
            ["Kestrel__Endpoints__Grpc__Url"] = $"{grpcScheme}://127.0.0.1:{GrpcPort}",
            ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{Ports.Free()}",
            ["Auth__LocalSigningKey"] = TestCredentials.SigningKey,
        };
        foreach (var (key, value) in both ?? new Dictionary<string, string>())
        {
            _siloEnvironment[key] = value;
            _gatewayEnvironment[key] = value;
        }

        foreach (var (key, value) in gateway ?? new Dictionary<string, string>())
        {
            _gatewayEnvironment[key] = value;
        }
    }

    public int GrpcPort { get; }

    public PlatformProcess? Silo { get; private set; }

    public PlatformProcess? Gateway { get; private set; }

    public async Task StartAsync()
    {
        Silo = PlatformProcess.Start("silo", "BranchLedger.Silo", _siloEnvironment);
        await WaitAsync(Silo, _siloGatewayPort);
        Gateway = PlatformProcess.Start("gateway", "BranchLedger.Gateway", _gatewayEnvironment);
        await WaitAsync(Gateway, GrpcPort);
    }

    public async Task StopAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.StopAsync();
        }

        if (Silo is not null)
        {
            await Silo.StopAsync();
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

        if (Silo is not null)
        {
            await Silo.DisposeAsync();
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
