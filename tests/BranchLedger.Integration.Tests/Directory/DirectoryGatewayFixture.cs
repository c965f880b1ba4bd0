using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;

// Not "...Tests.Directory": a namespace of that name would hide System.IO.Directory from every
// other namespace of this assembly.
namespace BranchLedger.Integration.Tests.OrgDirectory;

/// <summary>
/// A database, a production-wired silo and the gateway host, shared by the directory's gateway test
/// classes (<see cref="DirectoryGatewayCollection"/>). Wired like <see cref="GatewayFixture"/>, with a
/// DirectoryService client.
/// </summary>
public sealed class DirectoryGatewayFixture : IAsyncLifetime
{
    private SiloHost? _silo;
    private GatewayHost? _gateway;

    public DirectoryService.DirectoryServiceClient Directory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var db = await TestPostgres.CreateDatabaseAsync("directory-gateway");
        var clusterId = "dir-" + Guid.NewGuid().ToString("N")[..8];
        _silo = await SiloHost.StartAsync(db, clusterId);
        _gateway = new GatewayHost(db, clusterId);
        Directory = new DirectoryService.DirectoryServiceClient(_gateway.Channel());
    }

    public async Task DisposeAsync()
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

/// <summary>One silo and gateway for all directory gateway tests: starting one per class costs more than the tests.</summary>
[CollectionDefinition(Name)]
public sealed class DirectoryGatewayCollection : ICollectionFixture<DirectoryGatewayFixture>
{
    public const string Name = "directory-gateway";
}
