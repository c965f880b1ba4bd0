using BranchLedger.Gateway.Services;
using BranchLedger.Gateway.Errors;

namespace BranchLedger.Gateway.Hosting;

/// <summary>The gRPC surface: services, the error mapping, and who the caller is.</summary>
internal static class ApiHosting
{
    public static IServiceCollection AddBranchLedgerApi(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ICallerResolver, MetadataCallerResolver>();
        services.AddGrpc(o =>
        {
            o.Interceptors.Add<ErrorMappingInterceptor>();
            o.MaxReceiveMessageSize = 4 * 1024 * 1024;
        });
        return services;
    }

    public static WebApplication MapBranchLedgerApi(this WebApplication app)
    {
        app.MapGrpcService<LedgerApi>();
        app.MapGrpcService<DirectoryApi>();
        app.MapGrpcService<RankingApi>();
        app.MapGrpcService<RubricApi>();
        app.MapGrpcService<ReportApi>();
        app.MapGet("/", () => "BranchLedger gateway: gRPC (HTTP/2) on the gRPC endpoint; see the README.");
        return app;
    }
}
