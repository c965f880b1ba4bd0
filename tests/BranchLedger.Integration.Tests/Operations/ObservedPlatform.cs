using System.Diagnostics;
using System.Net;
using BranchLedger.Api.V1;
using BranchLedger.Contracts.Telemetry;
using BranchLedger.Hosting;
using BranchLedger.Integration.Tests.Infrastructure;
using BranchLedger.Silo;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
// The API has a record kind named Activity (主题活动); spans here are the tracing kind.
using Activity = System.Diagnostics.Activity;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace BranchLedger.Integration.Tests.Operations;

/// <summary>
/// A silo and the gateway host in this process, wired as production wires them (telemetry included),
/// each exporting its spans to memory. Shared by the Operations tests.
/// </summary>
public sealed class ObservedPlatform : IAsyncLifetime
{
    private IHost? _silo;
    private ObservedGateway? _gateway;

    /// <summary>Spans exported by the silo's tracer provider.</summary>
    public SpanCollection SiloSpans { get; } = new();

    /// <summary>Spans exported by the gateway's tracer provider.</summary>
    public SpanCollection GatewaySpans { get; } = new();

    public string ConnectionString { get; private set; } = "";

    public string ClusterId { get; } = "ops-" + Guid.NewGuid().ToString("N")[..8];

    public ObservedGateway Gateway => _gateway!;

    public IServiceProvider SiloServices => _silo!.Services;

    public LedgerService.LedgerServiceClient Ledger => new(Gateway.Channel());

    public DirectoryService.DirectoryServiceClient Directory => new(Gateway.Channel());

    /// <summary>Every span either host exported, each once (in one process both providers see every source).</summary>
    public IReadOnlyList<Activity> Spans() =>
        [.. SiloSpans.Snapshot().Concat(GatewaySpans.Snapshot()).DistinctBy(s => (s.TraceId, s.SpanId))];

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync("operations");
        var settings = new SiloSettings(
            ConnectionString, ClusterId, "branchledger-test", IPAddress.Loopback, ListenOnAnyAddress: false,
            Ports.Free(), Ports.Free(), MigrateOnStart: false);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddBranchLedgerSilo(settings);
        builder.AddBranchLedgerTelemetry(SiloOperations.ServiceName, BranchLedgerMetrics.MeterName);
        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(SiloSpans));
        _silo = builder.Build();
        await _silo.StartAsync();
        _gateway = new ObservedGateway(ConnectionString, ClusterId, GatewaySpans);
        _ = _gateway.Server; // starts the host
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.StopAsync();
            _silo.Dispose();
        }
    }
}

/// <summary>The real gateway host (test server) whose tracer provider also exports to memory.</summary>
public sealed class ObservedGateway(string connectionString, string clusterId, SpanCollection spans) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:BranchLedger", connectionString);
        builder.UseSetting("Orleans:ClusterId", clusterId);
        builder.UseSetting("Orleans:ServiceId", "branchledger-test");
        builder.UseSetting("Auth:LocalSigningKey", TestCredentials.SigningKey);
        builder.ConfigureTestServices(s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
    }

    public GrpcChannel Channel() => GrpcChannel.ForAddress(
        Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });
}

[CollectionDefinition(Name)]
public sealed class OperationsCollection : ICollectionFixture<ObservedPlatform>
{
    public const string Name = "operations";
}
