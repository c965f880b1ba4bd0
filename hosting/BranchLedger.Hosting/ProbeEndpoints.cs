using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BranchLedger.Hosting;

/// <summary>
/// Plain HTTP endpoints for orchestrators and scrapers: <c>/healthz</c> (live: the process answers),
/// <c>/readyz</c> (ready: every check tagged <see cref="ReadyTag"/> passes) and <c>/metrics</c> (Prometheus;
/// the silo serves it with the probes on its internal listener, the gateway only on its metrics
/// listener, see <see cref="MetricsListener"/>).
/// </summary>
public static class ProbeEndpoints
{
    /// <summary>Tag of the checks that decide readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Liveness: no dependency is checked, so an outage of PostgreSQL never restarts pods.</summary>
    public const string LivePath = "/healthz";

    /// <summary>Readiness: the cluster and the database.</summary>
    public const string ReadyPath = "/readyz";

    /// <summary>The Prometheus scrape endpoint.</summary>
    public const string MetricsPath = "/metrics";

    private const string GrpcHealthPrefix = "/grpc.health.v1.Health/";

    /// <summary>Whether a request is a probe or a scrape (left out of traces: they would drown real calls).</summary>
    public static bool IsProbe(PathString path) =>
        path.Equals(LivePath, StringComparison.Ordinal)
        || path.Equals(ReadyPath, StringComparison.Ordinal)
        || path.Equals(MetricsPath, StringComparison.Ordinal)
        || path.StartsWithSegments(GrpcHealthPrefix.TrimEnd('/'), StringComparison.Ordinal);

    /// <summary>Maps the probes and, unless <paramref name="metrics"/> is false, the Prometheus endpoint.</summary>
    public static IEndpointRouteBuilder MapBranchLedgerProbes(this IEndpointRouteBuilder endpoints, bool metrics = true)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReportAsync,
        });
        if (metrics)
        {
            endpoints.MapPrometheusScrapingEndpoint(MetricsPath);
        }

        return endpoints;
    }

    // Status and description per check; never exception details, which can name hosts and users.
    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
