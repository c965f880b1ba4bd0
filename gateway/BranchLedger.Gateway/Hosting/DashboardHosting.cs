using System.Reflection;
using Microsoft.Extensions.FileProviders;

namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// The supervisor dashboard: static ES modules embedded in the gateway, served under
/// <see cref="Route"/> without credentials. The page holds no data; every figure it shows comes from
/// the JSON routes, which need a credential like any other call.
/// </summary>
internal static class DashboardHosting
{
    /// <summary>Where the dashboard is served (HTTP/1.1 port).</summary>
    public const string Route = "/dashboard";

    // Same origin only, no inline script: a token in sessionStorage is only as safe as the scripts the page runs.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static WebApplication MapBranchLedgerDashboard(this WebApplication app)
    {
        // Embedded, so the files travel with the assembly (tests, container image) and cannot drift from it.
        var files = new EmbeddedFileProvider(Assembly.GetExecutingAssembly(), "BranchLedger.Gateway.Dashboard");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Route });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = Route,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.CacheControl = "no-cache";
            },
        });
        return app;
    }
}
