using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.OpenApi.Models;

namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// HTTP/JSON next to gRPC: JSON transcoding of the RPCs annotated with <c>google.api.http</c> (every
/// read and the main writes), its OpenAPI document, and gRPC server reflection.
/// </summary>
internal static class TranscodingHosting
{
    /// <summary>Where the OpenAPI document is served (HTTP/1.1 port).</summary>
    public const string OpenApiRoute = "openapi/{documentName}.json";

    public static IServiceCollection AddBranchLedgerHttpApi(this IServiceCollection services)
    {
        services.AddGrpc().AddJsonTranscoding(o =>
        {
            // Errors carry google.rpc details (field violations, …) packed in Any: JSON needs their types.
            o.TypeRegistry = TypeRegistry.FromMessages(
                BadRequest.Descriptor, PreconditionFailure.Descriptor, ResourceInfo.Descriptor, RetryInfo.Descriptor);
        });
        services.AddGrpcReflection();
        services.AddGrpcSwagger();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "BranchLedger",
                Version = "v1",
                Description = "JSON transcoding of the branchledger.v1 gRPC services. Every operation needs a bearer "
                    + "token or an API key; x-branchledger-tenant picks the tenant for credentials that reach several.",
            });
            foreach (var (name, scheme) in CallerHeadersOperationFilter.Schemes())
            {
                o.AddSecurityDefinition(name, scheme);
            }

            o.OperationFilter<CallerHeadersOperationFilter>();
            var comments = Path.Combine(AppContext.BaseDirectory, "BranchLedger.Protos.xml");
            if (File.Exists(comments))
            {
                o.IncludeXmlComments(comments);
                o.IncludeGrpcXmlComments(comments, includeControllerXmlComments: true);
            }
        });
        return services;
    }

    public static WebApplication MapBranchLedgerHttpApi(this WebApplication app)
    {
        app.MapGrpcReflectionService();
        app.MapSwagger(OpenApiRoute);
        return app;
    }
}
