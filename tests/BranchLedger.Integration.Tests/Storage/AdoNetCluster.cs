using BranchLedger.Integration.Tests.Infrastructure;
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
    // Bounds, so a broken schema fails a test instead of hanging it (Orleans retries joins for
    // minutes by default).
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

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
            var starts = Enumerable.Range(0, siloCount).Select(_ => cluster.StartSiloAsync()).ToList();
            try
            {
                await Task.WhenAll(starts);
            }
            finally
            {
                // Keep the silos that did start, so a failure elsewhere still stops them.
                cluster.silos.AddRange(starts.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            }

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
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = StopTimeout);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterId;
                o.ServiceId = ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, Ports.Free(), Ports.Free());
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
            silo.Configure<ClusterMembershipOptions>(o => o.MaxJoinAttemptTime = TimeSpan.FromSeconds(45));
        });

        var host = builder.Build();
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            await host.StartAsync(timeout.Token);
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
        clientHost = host; // disposed with the cluster even if the start fails
        using var timeout = new CancellationTokenSource(StartTimeout);
        await host.StartAsync(timeout.Token);
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
            using var timeout = new CancellationTokenSource(StopTimeout);
            await host.StopAsync(timeout.Token);
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
}
