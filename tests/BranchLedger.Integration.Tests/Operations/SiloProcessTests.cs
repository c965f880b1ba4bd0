using System.Net;
using BranchLedger.Integration.Tests.Infrastructure;
using Npgsql;

namespace BranchLedger.Integration.Tests.Operations;

/// <summary>The real silo process: its probe listener, and a graceful stop that leaves the cluster.</summary>
public sealed class SiloProcessTests
{
    private const int Active = 3;
    private const int Dead = 6;

    [Fact]
    public async Task The_silo_serves_probes_and_metrics_and_on_SIGTERM_marks_itself_dead_and_exits()
    {
        var db = await TestPostgres.CreateDatabaseAsync("silo-process");
        var clusterId = "stop-" + Guid.NewGuid().ToString("N")[..8];
        var httpPort = Ports.Free();
        var siloPort = Ports.Free();
        await using var silo = PlatformProcess.Start("silo", "BranchLedger.Silo", new Dictionary<string, string>
        {
            ["ConnectionStrings__BranchLedger"] = db,
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__SiloPort"] = siloPort.ToString(),
            ["Orleans__GatewayPort"] = Ports.Free().ToString(),
            ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}",
            ["DOTNET_ENVIRONMENT"] = "Production",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };

        await WaitReadyAsync(http, silo);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(Active, await StatusAsync(db, clusterId, siloPort));
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("orleans_", metrics, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", metrics, StringComparison.Ordinal);

        await silo.StopAsync(TimeSpan.FromSeconds(60));

        // Only a silo that stopped on its own writes Dead: a killed one stays Active until others vote it out.
        Assert.False(silo.IsRunning);
        Assert.Contains("Application is shutting down", silo.Output, StringComparison.Ordinal);
        Assert.Equal(Dead, await StatusAsync(db, clusterId, siloPort));
    }

    private static async Task WaitReadyAsync(HttpClient http, PlatformProcess silo)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            Assert.True(silo.IsRunning, "the silo exited during start-up:\n" + silo.Output);
            try
            {
                using var ready = await http.GetAsync("/readyz");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        Assert.Fail("the silo never became ready:\n" + silo.Output);
    }

    private static async Task<int> StatusAsync(string db, string clusterId, int siloPort)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "select status from orleansmembershiptable where deploymentid = @c and port = @p", connection);
        query.Parameters.AddWithValue("c", clusterId);
        query.Parameters.AddWithValue("p", siloPort);
        return Convert.ToInt32(await query.ExecuteScalarAsync());
    }
}
