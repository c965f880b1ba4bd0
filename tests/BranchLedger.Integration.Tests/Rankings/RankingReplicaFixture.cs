using BranchLedger.Api.V1;
using BranchLedger.Gateway.Services;
using BranchLedger.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BranchLedger.Integration.Tests.Rankings;

/// <summary>
/// A database, a production-wired silo and a gateway whose ranking replicas renew every second, for
/// the replica tests; scores come from real ledger writes made through the gateway.
/// </summary>
public sealed class RankingReplicaFixture : IAsyncLifetime
{
    public const string Tenant = "tenant-replica";

    private SiloHost? _silo;

    public string Database { get; private set; } = "";

    public string ClusterId { get; } = "replica-" + Guid.NewGuid().ToString("N")[..8];

    public GatewayHost Gateway { get; private set; } = null!;

    /// <summary>Grain calls inside the silo.</summary>
    public IGrainFactory Grains => _silo!.Services.GetRequiredService<IGrainFactory>();

    /// <summary>A gateway of this cluster (not started until used); the caller disposes it.</summary>
    public GatewayHost NewGateway(int renewSeconds = 1)
    {
        var gateway = new GatewayHost(Database, ClusterId);
        gateway.Settings[RankingRuntime.RenewSetting] = renewSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return gateway;
    }

    /// <summary>The ranking runtime (replicas, reader) of a gateway.</summary>
    internal static RankingRuntime RuntimeOf(GatewayHost gateway) => gateway.Services.GetRequiredService<RankingRuntime>();

    /// <summary>A branch of <see cref="Tenant"/> with a roster, ready for writes.</summary>
    public Task BranchAsync(string node) => Nodes.EnsureAsync(Grains, Tenant, node, members: 7);

    /// <summary>Records a branch committee meeting of 2026 on the given day of March through a gateway's LedgerService.</summary>
    public static Task<RecordMeetingResponse> MeetingAsync(GatewayHost gateway, string node, int day) =>
        gateway.Ledger().RecordMeetingAsync(Meetings.Request(node, day: day), GatewayHost.As(Tenant)).ResponseAsync;

    public async Task InitializeAsync()
    {
        Database = await TestPostgres.CreateDatabaseAsync("ranking-replica");
        _silo = await SiloHost.StartAsync(Database, ClusterId);
        Gateway = NewGateway();
    }

    public async Task DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}
