using BranchLedger.Silo;
using Orleans.TestingHost;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>
/// An Orleans <see cref="InProcessTestCluster"/> whose grain state and reminders are the silo's own
/// ADO.NET wiring on a real PostgreSQL database. (The test host keeps its in-memory membership;
/// ADO.NET clustering is proven with real silo hosts, see <see cref="SiloHost"/>.)
/// </summary>
public sealed class LedgerCluster : IAsyncDisposable
{
    private LedgerCluster(InProcessTestCluster cluster, string connectionString)
    {
        Cluster = cluster;
        ConnectionString = connectionString;
    }

    public InProcessTestCluster Cluster { get; }

    public string ConnectionString { get; }

    public IClusterClient Client => Cluster.Client;

    /// <summary>Starts a cluster on <paramref name="connectionString"/>, or on a fresh database.</summary>
    public static async Task<LedgerCluster> StartAsync(string? connectionString = null)
    {
        connectionString ??= await TestPostgres.CreateDatabaseAsync("cluster");
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = "branchledger-test";
        var cs = connectionString;
        builder.ConfigureSilo((_, silo) => silo.UseBranchLedgerPostgres(cs));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new LedgerCluster(cluster, connectionString);
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
