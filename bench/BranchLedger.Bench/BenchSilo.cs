using System.Net;
using System.Net.Sockets;
using BranchLedger.Grains;
using BranchLedger.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace BranchLedger.Bench;

/// <summary>Which grain-storage serializer the ledger storage uses.</summary>
internal enum StorageFormat
{
    /// <summary>Production: <see cref="OrleansGrainStorageSerializer"/> (Orleans' binary format).</summary>
    OrleansBinary,

    /// <summary>Orleans' default: <see cref="JsonGrainStorageSerializer"/> (Newtonsoft JSON with $type names).</summary>
    NewtonsoftJson,
}

/// <summary>
/// A silo in this process, wired exactly as the silo program wires itself
/// (<see cref="SiloHosting.AddBranchLedgerSilo"/>): ADO.NET clustering, reminders and grain state on
/// PostgreSQL, loopback endpoints on free ports. Grain calls go through the silo's own
/// <see cref="IGrainFactory"/> (no gateway, no network hop for the call itself).
/// </summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    public const string ServiceId = "branchledger-bench";

    private readonly IHost _host;

    private BenchSilo(IHost host, StorageFormat format)
    {
        _host = host;
        Format = format;
    }

    public StorageFormat Format { get; }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The serializer the ledger storage provider actually resolved (proof of the configuration).</summary>
    public IGrainStorageSerializer LedgerSerializer =>
        _host.Services.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(StorageNames.Ledger).GrainStorageSerializer;

    public static async Task<BenchSilo> StartAsync(string connectionString, string clusterId, StorageFormat format, Action<ISiloBuilder>? extra = null)
    {
        var settings = new SiloSettings(
            connectionString, clusterId, ServiceId, IPAddress.Loopback, ListenOnAnyAddress: false,
            FreePort(), FreePort(), MigrateOnStart: false);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddBranchLedgerSilo(settings);
        if (format == StorageFormat.NewtonsoftJson)
        {
            // Runs after SiloHosting's Configure, so it replaces the production serializer for this silo only.
            builder.Services.AddOptions<AdoNetGrainStorageOptions>(StorageNames.Ledger)
                .PostConfigure<IServiceProvider>((options, services) => options.GrainStorageSerializer = JsonSerializer(services));
        }

        if (extra is not null)
        {
            // A second UseOrleans adds to the same silo builder (bench-only providers, such as --journaled's).
            builder.UseOrleans(extra);
        }

        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host, format);
    }

    /// <summary>Orleans' default grain-storage serializer, built from the silo's own JSON settings.</summary>
    public static JsonGrainStorageSerializer JsonSerializer(IServiceProvider services) =>
        new(ActivatorUtilities.GetServiceOrCreateInstance<OrleansJsonSerializer>(services));

    /// <summary>The production grain-storage serializer.</summary>
    public static OrleansGrainStorageSerializer BinarySerializer(IServiceProvider services) =>
        new(services.GetRequiredService<Serializer>());

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
