using BranchLedger.Hosting;

namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// Everything that makes the gateway operable, in one call each from Program: telemetry, the metrics
/// listener, health, reflection, JSON transcoding with its OpenAPI document, and graceful shutdown.
/// </summary>
internal static class OperationsHosting
{
    public static WebApplicationBuilder AddBranchLedgerOperations(this WebApplicationBuilder builder)
    {
        builder.AddBranchLedgerObservability();
        builder.AddBranchLedgerMetricsListener();
        // Answers name no server software: unauthenticated callers learn nothing about the deployment.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.AddBranchLedgerHealth();
        builder.Services.AddBranchLedgerHttpApi();
        return builder;
    }

    public static WebApplication MapBranchLedgerOperations(this WebApplication app)
    {
        app.MapBranchLedgerHealth();
        app.MapBranchLedgerHttpApi();
        return app;
    }
}
