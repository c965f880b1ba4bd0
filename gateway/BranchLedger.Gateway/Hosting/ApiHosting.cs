using Grpc.AspNetCore.Server;
using BranchLedger.Gateway.Errors;
using BranchLedger.Gateway.Security;
using BranchLedger.Gateway.Services;

namespace BranchLedger.Gateway.Hosting;

/// <summary>The gRPC surface: services, who may call them, limits, the audit trail and the error mapping.</summary>
internal static class ApiHosting
{
    public static WebApplicationBuilder AddBranchLedgerApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var limits = builder.Configuration.GetSection("Limits");
        services.Configure<LimitOptions>(limits);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ICallerResolver, ContextCallerResolver>();
        services.AddSingleton<LimitsInterceptor>();
        services.AddSingleton<RankingRuntime>();
        builder.AddBranchLedgerAuth();
        services.AddGrpc(o =>
        {
            // Outermost first: who is calling, whether they are within budget, the audit trail, then
            // the mapping of domain errors (so the audit sees the final status of every refusal).
            o.Interceptors.Add<AuthorizationInterceptor>();
            o.Interceptors.Add<LimitsInterceptor>();
            o.Interceptors.Add<AuditInterceptor>();
            o.Interceptors.Add<ErrorMappingInterceptor>();
            o.MaxReceiveMessageSize = (limits.Get<LimitOptions>() ?? new LimitOptions()).MaxMessageBytes;
        });
        return builder;
    }

    public static WebApplication MapBranchLedgerApi(this WebApplication app)
    {
        app.MapBranchLedgerWebApp();
        app.UseAuthentication();
        // Writes made with the web session's cookie carry its anti-forgery value (WebSessions).
        app.UseBranchLedgerWebSessionCsrf();
        // Refusals of the authorization middleware are counted too.
        app.UseBranchLedgerRefusalCounting();
        app.UseAuthorization();
        app.MapGrpcService<LedgerApi>();
        app.MapGrpcService<DirectoryApi>();
        app.MapGrpcService<RankingApi>();
        app.MapGrpcService<RubricApi>();
        app.MapGrpcService<AccessApi>();
        app.MapGrpcService<AuditApi>();
        app.MapGrpcService<ReportApi>();
        app.MapBranchLedgerDownloads();
        app.MapBranchLedgerRankingEvents();
        app.MapBranchLedgerUploads();
        app.MapBranchLedgerWebSessions();
        app.MapGet("/", () => "BranchLedger gateway: gRPC (HTTP/2) on the gRPC endpoint; see the README.");
        app.Lifetime.ApplicationStarted.Register(() => LogServices(app));
        return app;
    }

    // The start-up line names every service actually mapped (read from the endpoints, so it cannot
    // fall behind the code); reflection lists their methods.
    private static void LogServices(WebApplication app)
    {
        var services = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.ServiceName)
            .OfType<string>()
            .Where(name => name.StartsWith("branchledger.", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        app.Logger.LogInformation("Serving gRPC services: {Services} (server reflection lists their methods)", string.Join(", ", services));
    }
}
