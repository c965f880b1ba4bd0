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
        app.MapBranchLedgerDashboard();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcService<LedgerApi>();
        app.MapGrpcService<DirectoryApi>();
        app.MapGrpcService<RankingApi>();
        app.MapGrpcService<RubricApi>();
        app.MapGrpcService<AccessApi>();
        app.MapGrpcService<AuditApi>();
        app.MapGrpcService<ReportApi>();
        app.MapBranchLedgerDownloads();
        app.MapGet("/", () => "BranchLedger gateway: gRPC (HTTP/2) on the gRPC endpoint; see the README.");
        return app;
    }
}
