using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace BranchLedger.Hosting;

/// <summary>
/// The gateway's Prometheus scrape on a listener of its own: the Kestrel endpoint named
/// <see cref="EndpointName"/> (<c>Kestrel__Endpoints__Metrics__Url</c>). Its public ports serve callers,
/// and what a scrape shows (instrument names, versions, pool and runtime figures) is for operators only,
/// so the metrics port is opened to the scraper alone (Kubernetes: a port no Service exposes, allowed by
/// the network policy from the monitoring namespace). Without that endpoint, no metrics are served.
/// </summary>
/// <remarks>
/// Connections are marked as they are accepted on that endpoint, so neither a forged <c>Host</c> header
/// nor a port number known only after binding (port 0 in tests) decides what a request may reach.
/// </remarks>
public static class MetricsListener
{
    /// <summary>The Kestrel endpoint name (configuration <c>Kestrel:Endpoints:Metrics</c>).</summary>
    public const string EndpointName = "Metrics";

    private static readonly object Marker = new();

    /// <summary>Marks the connections accepted on the metrics endpoint, if one is configured.</summary>
    public static WebApplicationBuilder AddBranchLedgerMetricsListener(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel((context, kestrel) => kestrel
            .Configure(context.Configuration.GetSection("Kestrel"), reloadOnChange: false)
            .Endpoint(EndpointName, endpoint => endpoint.ListenOptions.Use(next => connection =>
            {
                connection.Items[Marker] = Marker;
                return next(connection);
            })));
        return builder;
    }

    /// <summary>
    /// First in the pipeline: on the metrics listener, <c>/metrics</c> is the Prometheus scrape and
    /// everything else is 404; elsewhere <c>/metrics</c> is nothing (the app maps no such route).
    /// </summary>
    public static IApplicationBuilder UseBranchLedgerMetricsListener(this IApplicationBuilder app)
    {
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            IsMetricsListener(context) && context.Request.Path.Equals(ProbeEndpoints.MetricsPath, StringComparison.Ordinal));
        return app.Use((context, next) =>
        {
            if (!IsMetricsListener(context))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    private static bool IsMetricsListener(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.ContainsKey(Marker) == true;
}
