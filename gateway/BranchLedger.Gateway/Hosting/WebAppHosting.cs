using System.Reflection;
using Microsoft.Extensions.FileProviders;

namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// The web app (工作台) for every role: static ES modules embedded in the gateway, served under
/// <see cref="Route"/> without credentials. The files hold no data; every figure and record comes from
/// the JSON routes, which need a credential like any other call (the web session's cookie, see
/// <see cref="Security.WebSessions"/>).
/// </summary>
internal static class WebAppHosting
{
    /// <summary>Where the web app is served (HTTP/1.1 port).</summary>
    public const string Route = "/app";

    /// <summary>Where the supervisors' dashboard used to be; bookmarks keep working.</summary>
    private const string FormerRoute = "/dashboard";

    // Same origin only, no inline script or style, no framing: the session cookie is only as safe as
    // the scripts the page runs.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static WebApplication MapBranchLedgerWebApp(this WebApplication app)
    {
        // Embedded, so the files travel with the assembly (tests, container image) and cannot drift from it.
        var files = new EmbeddedFileProvider(Assembly.GetExecutingAssembly(), "BranchLedger.Gateway.Web");
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
                headers["Referrer-Policy"] = "same-origin";
                headers.CacheControl = "no-cache";
            },
        });
        // Routing ignores a trailing slash: this one route answers "/dashboard" and "/dashboard/".
        app.MapGet(FormerRoute, () => Results.Redirect(Route + "/"));
        return app;
    }
}
