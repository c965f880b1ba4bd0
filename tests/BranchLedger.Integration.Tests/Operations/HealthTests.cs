using System.Net;
using System.Text.Json;
using BranchLedger.Hosting;
using Grpc.Health.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BranchLedger.Integration.Tests.Operations;

/// <summary>The gRPC health service and the HTTP probes report the cluster and the database.</summary>
[Collection(OperationsCollection.Name)]
public sealed class HealthTests(ObservedPlatform platform)
{
    [Theory]
    [InlineData("")]
    [InlineData("branchledger.v1.LedgerService")]
    [InlineData("branchledger.v1.DirectoryService")]
    [InlineData("branchledger.v1.RankingService")]
    public async Task The_gRPC_health_service_reports_serving(string service)
    {
        var health = new Health.HealthClient(platform.Gateway.Channel());

        var response = await health.CheckAsync(new HealthCheckRequest { Service = service });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task The_HTTP_probes_answer_live_and_ready_with_each_check()
    {
        using var http = platform.Gateway.CreateClient();

        using var live = await http.GetAsync("/healthz");
        using var ready = await http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("orleans-cluster").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_database_check_fails_when_PostgreSQL_does_not_answer()
    {
        var unreachable = $"Host=127.0.0.1;Port={Infrastructure.Ports.Free()};Database=none;Username=none;Timeout=3";
        await using var down = new PostgresHealthCheck(unreachable);
        await using var up = new PostgresHealthCheck(platform.ConnectionString);
        var context = new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("postgres", down, HealthStatus.Unhealthy, [ProbeEndpoints.ReadyTag]),
        };

        Assert.Equal(HealthStatus.Unhealthy, (await down.CheckHealthAsync(context)).Status);
        Assert.Equal(HealthStatus.Healthy, (await up.CheckHealthAsync(context)).Status);
    }
}
