using BranchLedger.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// The standard gRPC health service (<c>grpc.health.v1.Health</c>) and the HTTP probes, both fed by
/// the same checks: the Orleans cluster answers, PostgreSQL answers.
/// </summary>
internal static class HealthHosting
{
    private static readonly string[] Services = ["", "branchledger.v1.LedgerService", "branchledger.v1.DirectoryService"];

    public static WebApplicationBuilder AddBranchLedgerHealth(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("BranchLedger")
            ?? throw new InvalidOperationException("Set the PostgreSQL connection string ConnectionStrings__BranchLedger (see README, Configuration).");

        builder.Services
            .AddGrpcHealthChecks(o =>
            {
                o.Services.Clear();
                foreach (var service in Services)
                {
                    o.Services.Map(service, r => r.Tags.Contains(ProbeEndpoints.ReadyTag));
                }
            })
            .AddCheck<OrleansClusterHealthCheck>(
                "orleans-cluster", HealthStatus.Unhealthy, [ProbeEndpoints.ReadyTag], TimeSpan.FromSeconds(5))
            .AddBranchLedgerPostgres(connectionString);
        return builder;
    }

    public static WebApplication MapBranchLedgerHealth(this WebApplication app)
    {
        app.MapGrpcHealthChecksService();
        app.MapBranchLedgerProbes();
        return app;
    }
}
