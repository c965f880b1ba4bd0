using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;

namespace BranchLedger.Integration.Tests.Storage;

/// <summary>
/// Real Orleans silos (generic hosts, loopback TCP) and a client, all using the ADO.NET providers
/// (invariant "Npgsql") on our schema. (The TestingHost's InProcessTestCluster always installs its
/// own in-memory membership table in 10.4.2, so it cannot test ADO.NET clustering.)
/// </summary>
public sealed class AdoNetCluster : IAsyncDisposable
{
    private readonly List<IHost> silos = [];
    private IHost? clientHost;

    private AdoNetCluster(string connectionString, string clusterId, string serviceId)
    {
        ConnectionString = connectionString;
        ClusterId = clusterId;
        ServiceId = serviceId;
    }

    public string ConnectionString { get; }
    public string ClusterId { get; }
    public string ServiceId { get; }
    public IReadOnlyList<IHost> Silos => silos;

    /// <summary>The addresses of the running silos, as Orleans prints them.</summary>
    public IEnumerable<string> SiloAddresses =>
        silos.Select(s => s.Services.GetRequiredService<Orleans.Runtime.ILocalSiloDetails>().SiloAddress.ToString());

    public IClusterClient Client =>
        clientHost?.Services.GetRequiredService<IClusterClient>() ?? throw new InvalidOperationException("No client.");

    public static async Task<AdoNetCluster> StartAsync(string connectionString, int siloCount, string? serviceId)
    {
        var cluster = new AdoNetCluster(connectionString, $"test-{Guid.NewGuid():N}", serviceId ?? $"svc-{Guid.NewGuid():N}");
        try
        {
            // Started together on purpose: concurrent joins exercise the version-row protocol.
            var hosts = await Task.WhenAll(Enumerable.Range(0, siloCount).Select(_ => cluster.StartSiloAsync()));
            cluster.silos.AddRange(hosts);
            await cluster.StartClientAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task<IHost> StartSiloAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true, // no console logging, no config files
            EnvironmentName = Environments.Development,
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterId;
                o.ServiceId = ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort());
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = StorageTestSupport.Invariant;
                o.ConnectionString = ConnectionString;
            });
            silo.AddAdoNetGrainStorage(TestStorage.KeepOnClear, o =>
            {
                o.Invariant = StorageTestSupport.Invariant;
                o.ConnectionString = ConnectionString;
                o.DeleteStateOnClear = false;
            });
            silo.AddAdoNetGrainStorage(TestStorage.DeleteOnClear, o =>
            {
                o.Invariant = StorageTestSupport.Invariant;
                o.ConnectionString = ConnectionString;
                o.DeleteStateOnClear = true;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = StorageTestSupport.Invariant;
                o.ConnectionString = ConnectionString;
            });
            // Orleans refuses reminder periods under a minute by default; the tests need seconds.
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    private async Task StartClientAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Development,
        });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterId;
                o.ServiceId = ServiceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = StorageTestSupport.Invariant;
                o.ConnectionString = ConnectionString;
            });
        });
        var host = builder.Build();
        await host.StartAsync();
        clientHost = host;
    }

    public async ValueTask DisposeAsync()
    {
        if (clientHost is not null)
        {
            await StopQuietlyAsync(clientHost);
            clientHost = null;
        }

        // Graceful stop, all silos at once: each writes its final status through the provider.
        await Task.WhenAll(silos.Select(StopQuietlyAsync));
        silos.Clear();
    }

    private static async Task StopQuietlyAsync(IHost host)
    {
        try
        {
            await host.StopAsync();
        }
        finally
        {
            if (host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else
            {
                host.Dispose();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
