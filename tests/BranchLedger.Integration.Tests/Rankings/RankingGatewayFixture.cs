using BranchLedger.Api.V1;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BranchLedger.Integration.Tests.Rankings;

/// <summary>
/// A database, a production-wired silo and the gateway host, shared by the RankingService tests
/// (<see cref="RankingGatewayCollection"/>). Scores are pushed inside the silo, as ledgers push them.
/// </summary>
public sealed class RankingGatewayFixture : IAsyncLifetime
{
    private SiloHost? _silo;
    private GatewayHost? _gateway;

    public RankingService.RankingServiceClient Ranking { get; private set; } = null!;

    /// <summary>The ranking and comparison exports.</summary>
    public ReportService.ReportServiceClient Reports { get; private set; } = null!;

    /// <summary>HTTP/1.1 to the gateway host (JSON routes, the dashboard), without credentials.</summary>
    public HttpClient Http() => _gateway!.CreateClient();

    /// <summary>Grain calls inside the silo.</summary>
    public IGrainFactory Grains => _silo!.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Pushes the scores through the ingress and waits until the shards applied them.</summary>
    public async Task PushAsync(params BranchScore[] scores)
    {
        await RankingPush.PublishManyAsync(Grains, scores);
        await RankingPush.FlushAsync(Grains);
    }

    public async Task InitializeAsync()
    {
        var db = await TestPostgres.CreateDatabaseAsync("ranking-gateway");
        var clusterId = "rank-" + Guid.NewGuid().ToString("N")[..8];
        _silo = await SiloHost.StartAsync(db, clusterId);
        _gateway = new GatewayHost(db, clusterId);
        Ranking = new RankingService.RankingServiceClient(_gateway.Channel());
        Reports = new ReportService.ReportServiceClient(_gateway.Channel());
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

/// <summary>One silo and gateway for all RankingService tests; each test uses its own period.</summary>
[CollectionDefinition(Name)]
public sealed class RankingGatewayCollection : ICollectionFixture<RankingGatewayFixture>
{
    public const string Name = "ranking-gateway";
}
