using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BranchLedger.Hosting;

/// <summary>
/// OpenTelemetry for both hosts: traces, metrics and logs. Exporters follow the standard <c>OTEL_*</c>
/// environment variables (OTLP only when an endpoint is set); metrics are also served for Prometheus
/// by <see cref="ProbeEndpoints.MapBranchLedgerProbes"/>.
/// </summary>
public static class TelemetryHosting
{
    /// <summary>Every Orleans activity source (application grain calls, runtime, storage, lifecycle).</summary>
    public const string OrleansSources = "Microsoft.Orleans.*";

    /// <summary>The Orleans meter (messaging, grains, membership, storage).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Npgsql's meter (connection pools, command durations).</summary>
    public const string NpgsqlMeter = "Npgsql";

    /// <summary>
    /// The Npgsql metric attributes exported. Npgsql names a pool it creates from a connection string
    /// (as the Orleans ADO.NET providers' pools are) by that string — host, port, user, database — and
    /// tags operations with the server and database too; none of that belongs in a scrape, so only these
    /// low-cardinality attributes are kept and the pools of a process add up.
    /// </summary>
    internal static readonly string[] NpgsqlTagsKept = ["db.client.connection.state", "db.system.name", "error.type"];

    private static readonly string[] OtlpEndpointVariables =
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
        "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
    ];

    /// <summary>
    /// Adds tracing (ASP.NET Core and gRPC server, Orleans with propagated context, Npgsql), metrics
    /// (runtime, ASP.NET Core and Kestrel, Orleans, Npgsql, and <paramref name="meters"/>) and, when OTLP
    /// is configured, logs. <c>OTEL_SERVICE_NAME</c> overrides <paramref name="serviceName"/>.
    /// </summary>
    public static IHostApplicationBuilder AddBranchLedgerTelemetry(
        this IHostApplicationBuilder builder, string serviceName, params string[] meters)
    {
        var configuration = builder.Configuration;
        var otlp = OtlpEndpointVariables.Any(v => !string.IsNullOrWhiteSpace(configuration[v]));
        var version = Assembly.GetEntryAssembly()?.GetName().Version?.ToString() ?? "0.0.0";

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(
                string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]) ? serviceName : configuration["OTEL_SERVICE_NAME"]!,
                serviceVersion: version))
            .WithTracing(tracing => tracing
                .AddProcessor(new LowCardinalityProcessor())
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !ProbeEndpoints.IsProbe(context.Request.Path))
                .AddSource(OrleansSources)
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddRuntimeInstrumentation()
                .AddAspNetCoreInstrumentation()
                .AddMeter(OrleansMeter, NpgsqlMeter)
                .AddView(instrument => instrument.Meter.Name == NpgsqlMeter ? new MetricStreamConfiguration { TagKeys = NpgsqlTagsKept } : null)
                .AddMeter(meters)
                .AddPrometheusExporter());

        if (otlp)
        {
            // Log records go out only where a collector takes them; the console logs stay as they are.
            telemetry.WithLogging(configureBuilder: null, configureOptions: o =>
            {
                o.IncludeFormattedMessage = true;
                o.IncludeScopes = true;
            });
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// How long the host waits for in-flight work on shutdown (<c>Shutdown:TimeoutSeconds</c>); keep it
    /// below the orchestrator's grace period (Kubernetes: <c>terminationGracePeriodSeconds</c>).
    /// </summary>
    public static IHostApplicationBuilder AddBranchLedgerShutdown(this IHostApplicationBuilder builder, int defaultSeconds)
    {
        var seconds = builder.Configuration.GetValue("Shutdown:TimeoutSeconds", defaultSeconds);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(seconds));
        return builder;
    }
}
