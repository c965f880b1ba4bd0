using BranchLedger.Api.V1;
using Microsoft.Extensions.DependencyInjection;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>A database, a production-wired silo and the gateway host, shared by one test class.</summary>
public class GatewayFixture : IAsyncLifetime
{
    private SiloHost? _silo;
    private GatewayHost? _gateway;

    public LedgerService.LedgerServiceClient Ledger { get; private set; } = null!;

    public DirectoryService.DirectoryServiceClient Directory { get; private set; } = null!;

    public RubricService.RubricServiceClient Rubrics { get; private set; } = null!;

    public RankingService.RankingServiceClient Ranking { get; private set; } = null!;

    /// <summary>The gateway host, for clients of other services.</summary>
    public GatewayHost Host => _gateway!;

    /// <summary>Gateway configuration a derived fixture changes (e.g. low limits).</summary>
    protected virtual IReadOnlyDictionary<string, string> GatewaySettings { get; } = new Dictionary<string, string>();

    /// <summary>Untyped calls to any RPC (e.g. malformed bodies through a raw-bytes marshaller).</summary>
    public Grpc.Core.CallInvoker Calls { get; private set; } = null!;

    /// <summary>HTTP/1.1 to the gateway host: the probes.</summary>
    public HttpClient Http() => _gateway!.CreateClient();

    public ReportService.ReportServiceClient Reports { get; private set; } = null!;

    /// <summary>Grain calls inside the silo, for what the API does not expose (e.g. a reminder's work).</summary>
    public IGrainFactory Grains => _silo!.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's database.</summary>
    public string ConnectionString => _silo!.Settings.ConnectionString;

    /// <summary>Puts the tenant and the node in the directory (see <see cref="Nodes"/>).</summary>
    public Task EnsureAsync(string tenant, string node, int? members = null) => Nodes.EnsureAsync(Directory, tenant, node, members);

    public virtual async Task InitializeAsync()
    {
        var db = await TestPostgres.CreateDatabaseAsync("gateway");
        var clusterId = "gw-" + Guid.NewGuid().ToString("N")[..8];
        _silo = await SiloHost.StartAsync(db, clusterId);
        _gateway = new GatewayHost(db, clusterId);
        foreach (var (key, value) in GatewaySettings)
        {
            _gateway.Settings[key] = value;
        }

        Ledger = _gateway.Ledger();
        Directory = new DirectoryService.DirectoryServiceClient(_gateway.Channel());
        Rubrics = new RubricService.RubricServiceClient(_gateway.Channel());
        Ranking = new RankingService.RankingServiceClient(_gateway.Channel());
        Calls = _gateway.Channel().CreateCallInvoker();
        Reports = new ReportService.ReportServiceClient(_gateway.Channel());
    }

    public virtual async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}
