using BranchLedger.Silo;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>
/// An in-process Orleans cluster wired exactly as the silo host wires itself: ADO.NET membership,
/// reminders and grain state on a real PostgreSQL database of its own.
/// </summary>
public sealed class LedgerCluster : IAsyncDisposable
{
    private LedgerCluster(InProcessTestCluster cluster, string connectionString, string clusterId)
    {
        Cluster = cluster;
        ConnectionString = connectionString;
        ClusterId = clusterId;
    }

    public InProcessTestCluster Cluster { get; }

    public string ConnectionString { get; }

    public string ClusterId { get; }

    public IClusterClient Client => Cluster.Client;

    /// <summary>Starts a cluster on <paramref name="connectionString"/>, or on a fresh database.</summary>
    public static async Task<LedgerCluster> StartAsync(string? connectionString = null, short silos = 1, string? clusterId = null)
    {
        connectionString ??= await TestPostgres.CreateDatabaseAsync("cluster");
        clusterId ??= "test-" + Guid.NewGuid().ToString("N")[..8];
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ClusterId = clusterId;
        builder.Options.ServiceId = "branchledger-test";
        builder.Options.UseTestClusterMembership = false;
        var cs = connectionString;
        builder.ConfigureSilo((_, silo) => silo.UseBranchLedgerPostgres(cs));
        builder.ConfigureClient(client => client.UseAdoNetClustering(o =>
        {
            o.Invariant = SiloHosting.Invariant;
            o.ConnectionString = cs;
        }));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new LedgerCluster(cluster, connectionString, clusterId);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Cluster.StopAllSilosAsync();
        }
        finally
        {
            await Cluster.DisposeAsync();
        }
    }
}
