using BranchLedger.Contracts.Telemetry;
using BranchLedger.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BranchLedger.Silo;

/// <summary>
/// What makes the silo operable: OpenTelemetry, a small HTTP/1.1 listener for the probes and the
/// Prometheus scrape (<c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c> — nothing else is served there),
/// and a shutdown long enough to leave the cluster cleanly.
/// </summary>
public static class SiloOperations
{
    /// <summary>The service name in telemetry unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "branchledger-silo";

    /// <summary>
    /// Used when no Kestrel endpoint is configured: a free loopback port, so local runs and tests never
    /// collide. Deployments set <c>Kestrel__Endpoints__Http__Url</c> (Kubernetes: <c>http://0.0.0.0:8080</c>).
    /// </summary>
    public const string DefaultUrl = "http://127.0.0.1:0";

    // On stop the silo stops its gateway, lets running calls finish, deactivates its grains and marks
    // itself Dead in the membership table. Kubernetes waits 60 s (terminationGracePeriodSeconds).
    private const int ShutdownSeconds = 45;

    /// <summary>Telemetry, the health checks behind <c>/readyz</c>, the probe listener and the shutdown timeout.</summary>
    public static WebApplicationBuilder AddBranchLedgerSiloOperations(this WebApplicationBuilder builder, SiloSettings settings)
    {
        builder.AddBranchLedgerTelemetry(ServiceName, BranchLedgerMetrics.MeterName);
        builder.AddBranchLedgerShutdown(ShutdownSeconds);
        builder.Services.AddHealthChecks()
            .AddCheck<SiloMembershipHealthCheck>("orleans-membership", HealthStatus.Unhealthy, [ProbeEndpoints.ReadyTag])
            .AddBranchLedgerPostgres(settings.ConnectionString);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        if (!builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    /// <summary>Maps <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>.</summary>
    public static WebApplication MapBranchLedgerSiloOperations(this WebApplication app)
    {
        app.MapBranchLedgerProbes();
        return app;
    }
}
