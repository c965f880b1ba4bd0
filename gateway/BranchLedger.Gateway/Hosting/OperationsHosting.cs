namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// Everything that makes the gateway operable, in one call each from Program: telemetry, health,
/// reflection, JSON transcoding with its OpenAPI document, and graceful shutdown.
/// </summary>
internal static class OperationsHosting
{
    public static WebApplicationBuilder AddBranchLedgerOperations(this WebApplicationBuilder builder)
    {
        builder.AddBranchLedgerObservability();
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
