namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>One <see cref="LedgerCluster"/> on a fresh database, shared by one test class.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private LedgerCluster? _cluster;

    public IClusterClient Client => _cluster!.Client;

    /// <summary>Puts the tenant and the node in the directory (see <see cref="Nodes"/>).</summary>
    public Task EnsureAsync(string tenant, string node, int? members = null) => Nodes.EnsureAsync(Client, tenant, node, members);

    public async Task InitializeAsync() => _cluster = await LedgerCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
