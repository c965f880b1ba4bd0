using System.Net;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;

namespace BranchLedger.Integration.Tests.Cluster;

/// <summary>Two production-wired silos form one cluster through the project's clustering schema.</summary>
public sealed class TwoSiloTests
{
    [Fact]
    public async Task Both_silos_are_active_and_a_ledger_is_reachable_through_either()
    {
        var db = await TestPostgres.CreateDatabaseAsync("two-silos");
        var clusterId = "two-" + Guid.NewGuid().ToString("N")[..8];
        await using var first = await SiloHost.StartAsync(db, clusterId);
        await using var second = await SiloHost.StartAsync(db, clusterId);

        var statuses = await StatusesAsync(db, clusterId);
        Assert.Equal(new[] { 3, 3 }, statuses);

        // One client pinned to each silo's gateway: both reach the same single activation.
        using var viaFirst = await PinnedClientAsync(first, clusterId);
        using var viaSecond = await PinnedClientAsync(second, clusterId);
        var key = GrainKeys.Ledger("tenant-two", "office-branch");
        await Nodes.EnsureAsync(viaSecond.Services.GetRequiredService<IClusterClient>(), "tenant-two", "office-branch");
        await viaFirst.Services.GetRequiredService<IClusterClient>().GetGrain<ILedgerGrain>(key)
            .Append(Meetings.Command("via-first"));
        await viaSecond.Services.GetRequiredService<IClusterClient>().GetGrain<ILedgerGrain>(key)
            .Append(Meetings.Command("via-second", "党小组会"));

        var page = await viaFirst.Services.GetRequiredService<IClusterClient>().GetGrain<ILedgerGrain>(key).ListRecords(new RecordQuery { PageSize = 10 });
        Assert.Equal(["via-first", "via-second"], page.Records.Select(r => r.Record.RequestId));

        await viaFirst.StopAsync();
        await viaSecond.StopAsync();
    }

    private static async Task<int[]> StatusesAsync(string db, string clusterId)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "select status from orleansmembershiptable where deploymentid = @c order by port", connection);
        query.Parameters.AddWithValue("c", clusterId);
        var statuses = new List<int>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            statuses.Add(reader.GetInt32(0));
        }

        return [.. statuses];
    }

    private static async Task<IHost> PinnedClientAsync(SiloHost silo, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = silo.Settings.ServiceId;
            });
            client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, silo.Settings.GatewayPort));
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
