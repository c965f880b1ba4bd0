using BranchLedger.Gateway.Services;
using BranchLedger.Integration.Tests.Infrastructure;

namespace BranchLedger.Integration.Tests.Rankings;

/// <summary>A cluster on a fresh database (ADO.NET storage, as production), with the gateway's ranking reader over its client.</summary>
public sealed class RankingClusterFixture : IAsyncLifetime
{
    private LedgerCluster? _cluster;

    public IClusterClient Client => _cluster!.Client;

    public string ConnectionString => _cluster!.ConnectionString;

    /// <summary>The read path the gateway uses: shards merged, never a ledger.</summary>
    internal RankingReader Reader { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _cluster = await LedgerCluster.StartAsync();
        Reader = new RankingReader(Client, new RankingCatalogCache(Client, TimeProvider.System));
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
