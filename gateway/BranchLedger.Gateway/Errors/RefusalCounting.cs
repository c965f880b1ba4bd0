using BranchLedger.Contracts.Telemetry;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace BranchLedger.Gateway.Errors;

/// <summary>
/// Counts every gRPC call that ends in a status other than OK (<see cref="BranchLedgerMetrics.CallsRefused"/>),
/// whoever answered it: the credential check, request parsing, validation, the domain. One place sees
/// them all because it reads the final <c>grpc-status</c> of the response. Calls through JSON
/// transcoding are counted by ASP.NET Core's own <c>http.server.request.duration</c> by HTTP status.
/// </summary>
internal static class RefusalCounting
{
    private const string StatusHeader = "grpc-status";

    public static IApplicationBuilder UseBranchLedgerRefusalCounting(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName;
            var grpc = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
            await next(context);
            if (method is null || !grpc)
            {
                return;
            }

            // A trailers-only answer carries the status in its headers, any other in its trailers.
            var status = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers[StatusHeader] is { Count: > 0 } trailer
                ? trailer.ToString()
                : context.Response.Headers[StatusHeader].ToString();
            if (int.TryParse(status, out var code) && code != (int)StatusCode.OK)
            {
                BranchLedgerMetrics.CallsRefused.Add(1,
                    new KeyValuePair<string, object?>(BranchLedgerMetrics.StatusCodeTag, ((StatusCode)code).ToString()),
                    new KeyValuePair<string, object?>(BranchLedgerMetrics.MethodTag, method));
            }
        });
}
