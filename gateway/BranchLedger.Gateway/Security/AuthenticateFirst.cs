using System.Text.Json;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// Refuses an RPC without a valid credential before its message is read. grpc-dotnet reads and parses
/// the request before any interceptor runs, so an anonymous caller could otherwise reach the parser and
/// the size limit (and learn from <c>INVALID_ARGUMENT</c> or <c>RESOURCE_EXHAUSTED</c> what it accepts).
/// This middleware runs on the endpoint chosen by routing, after authentication: gRPC callers get a
/// trailers-only <c>UNAUTHENTICATED</c>, JSON callers the 401 that JSON transcoding would answer. Health
/// and reflection stay open; <see cref="AuthorizationInterceptor"/> still checks every call (the
/// in-process downloads pass only through it).
/// </summary>
internal static class AuthenticateFirst
{
    public static IApplicationBuilder UseBranchLedgerAuthenticateFirst(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName;
            if (method is null || RpcAccess.IsOpen(method) || context.User.Identity?.IsAuthenticated == true)
            {
                await next(context);
                return;
            }

            await RefuseAsync(context, await WhyAsync(context));
        });

    /// <summary>The message of an <c>UNAUTHENTICATED</c> refusal: what was wrong with the credential, or how to send one.</summary>
    public static async Task<string> WhyAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync();
        return result.Failure?.Message is { } why
            ? "The credential was refused: " + why
            : "Send 'authorization: Bearer <token>' or an API key ('x-api-key'); see the README, Authentication.";
    }

    private static async Task RefuseAsync(HttpContext context, string message)
    {
        var response = context.Response;
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            // Trailers-only: the status travels in the response headers and the stream ends with them.
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = ((int)StatusCode.Unauthenticated).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            await response.CompleteAsync();
            return;
        }

        // JSON transcoding's error shape (google.rpc.Status as JSON) and status code.
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = "Bearer";
        response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, new { code = (int)StatusCode.Unauthenticated, message, details = Array.Empty<object>() });
    }
}
