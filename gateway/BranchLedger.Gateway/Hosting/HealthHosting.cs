using System.Reflection;
using BranchLedger.Api.V1;
using BranchLedger.Hosting;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// The standard gRPC health service (<c>grpc.health.v1.Health</c>) and the HTTP probes, both fed by
/// the same checks: the Orleans cluster answers, PostgreSQL answers, the ranking replicas are in sync
/// (degraded, not unhealthy, while one resynchronises: reads still work).
/// </summary>
internal static class HealthHosting
{
    public static WebApplicationBuilder AddBranchLedgerHealth(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("BranchLedger")
            ?? throw new InvalidOperationException("Set the PostgreSQL connection string ConnectionStrings__BranchLedger (see README, Configuration).");

        builder.Services
            .AddGrpcHealthChecks(o =>
            {
                o.Services.Clear();
                foreach (var service in ApiServices().Prepend(""))
                {
                    o.Services.Map(service, r => r.Tags.Contains(ProbeEndpoints.ReadyTag));
                }
            })
            .AddCheck<OrleansClusterHealthCheck>(
                "orleans-cluster", HealthStatus.Unhealthy, [ProbeEndpoints.ReadyTag], TimeSpan.FromSeconds(5))
            .AddCheck<RankingReplicaHealthCheck>("ranking-replica", HealthStatus.Degraded, [ProbeEndpoints.ReadyTag])
            .AddBranchLedgerPostgres(connectionString);
        return builder;
    }

    // Every service of the public API answers to its own name too (Kubernetes probes ask for "").
    private static IEnumerable<string> ApiServices() =>
        typeof(LedgerService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .SelectMany(file => file.Services)
            .Select(service => service.FullName)
            .Where(name => name.StartsWith("branchledger.", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal);

    public static WebApplication MapBranchLedgerHealth(this WebApplication app)
    {
        app.MapGrpcHealthChecksService();
        // Metrics have a listener of their own (MetricsListener), not the public HTTP port.
        app.MapBranchLedgerProbes(metrics: false);
        return app;
    }
}
