using BranchLedger.Contracts.Telemetry;
using BranchLedger.Hosting;

namespace BranchLedger.Gateway.Hosting;

/// <summary>OpenTelemetry for the gateway, trace context carried into grain calls, and shutdown.</summary>
internal static class ObservabilityHosting
{
    /// <summary>The service name in telemetry unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "branchledger-gateway";

    // Kestrel stops taking calls first and lets the running ones finish within this time; the Orleans
    // client closes after it. Kubernetes waits 30 s (terminationGracePeriodSeconds) including a 5 s preStop.
    private const int ShutdownSeconds = 20;

    public static WebApplicationBuilder AddBranchLedgerObservability(this WebApplicationBuilder builder)
    {
        builder.AddBranchLedgerTelemetry(ServiceName, BranchLedgerMetrics.MeterName);

        // The silo registers the same filter: a grain call continues the gRPC call's trace.
        builder.UseOrleansClient(client => client.AddActivityPropagation());
        builder.AddBranchLedgerShutdown(ShutdownSeconds);
        return builder;
    }
}
