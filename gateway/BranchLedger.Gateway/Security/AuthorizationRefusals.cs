using System.Text.Json;
using BranchLedger.Gateway.Errors;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// How ASP.NET Core's authorization middleware answers a refusal, in the caller's protocol and with the
/// gRPC status the policy decided (<see cref="RefusalReason"/>): gRPC callers get a trailers-only status,
/// JSON transcoding callers the google.rpc.Status JSON and HTTP status JSON transcoding would answer,
/// plain HTTP routes (downloads, the web app's) a problem document (<see cref="HttpProblems"/>).
/// The middleware runs on the endpoint chosen by routing, after authentication and before the request
/// is read: grpc-dotnet parses a message before any interceptor runs, so an anonymous caller never
/// reaches the parser or the size limit (and cannot learn from <c>INVALID_ARGUMENT</c> or
/// <c>RESOURCE_EXHAUSTED</c> what it accepts).
/// </summary>
internal sealed class AuthorizationRefusals : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await next(context);
            return;
        }

        var status = authorizeResult.Challenged
            ? new Status(StatusCode.Unauthenticated, await WhyAsync(context))
            : authorizeResult.AuthorizationFailure?.FailureReasons.OfType<RefusalReason>().FirstOrDefault()?.Status
                ?? new Status(StatusCode.PermissionDenied, "The credential does not allow this call.");
        await RefuseAsync(context, status);
    }

    /// <summary>The message of an <c>UNAUTHENTICATED</c> refusal: what was wrong with the credential, or how to send one.</summary>
    public static async Task<string> WhyAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync();
        return result.Failure?.Message is { } why
            ? "The credential was refused: " + why
            : "Send 'authorization: Bearer <token>' or an API key ('x-api-key'); see the README, Authentication.";
    }

    private static async Task RefuseAsync(HttpContext context, Status status)
    {
        var response = context.Response;
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            // Trailers-only: the status travels in the response headers and the stream ends with them.
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = ((int)status.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(status.Detail);
            await response.CompleteAsync();
            return;
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is null)
        {
            await HttpProblems.From(new RpcException(status)).ExecuteAsync(context);
            return;
        }

        // JSON transcoding's error shape (google.rpc.Status as JSON) and status code.
        response.StatusCode = HttpProblems.StatusCodeOf(status.StatusCode);
        if (status.StatusCode == StatusCode.Unauthenticated)
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }

        response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, new { code = (int)status.StatusCode, message = status.Detail, details = Array.Empty<object>() });
    }
}
