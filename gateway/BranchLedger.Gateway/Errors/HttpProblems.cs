using System.Globalization;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace BranchLedger.Gateway.Errors;

/// <summary>
/// A refused RPC as an HTTP answer for the plain HTTP routes: the status code JSON transcoding uses for
/// the gRPC code, and an RFC 9457 problem body whose <c>detail</c> is the RPC's message, <c>code</c> its
/// gRPC code and <c>errors</c> its field violations (field → descriptions).
/// </summary>
internal static class HttpProblems
{
    public static IResult From(RpcException refused)
    {
        var status = StatusCodeOf(refused.StatusCode);
        var rich = refused.GetRpcStatus();
        var violations = rich?.GetDetail<BadRequest>()?.FieldViolations ?? [];
        var problem = violations.Count > 0
            ? new HttpValidationProblemDetails(violations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(v => v.Description).ToArray()))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = ReasonPhrases.GetReasonPhrase(status);
        problem.Detail = refused.Status.Detail;
        problem.Extensions["code"] = refused.StatusCode.ToString();
        var retryAfter = rich?.GetDetail<RetryInfo>()?.RetryDelay?.ToTimeSpan();
        return new WithHeaders(Results.Problem(problem), headers =>
        {
            if (status == StatusCodes.Status401Unauthorized)
            {
                headers.WWWAuthenticate = "Bearer";
            }

            if (retryAfter is { } delay)
            {
                headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }
        });
    }

    /// <summary>The HTTP status of a gRPC code (google.rpc.Code's documented mapping, as JSON transcoding answers).</summary>
    public static int StatusCodeOf(StatusCode code) => code switch
    {
        StatusCode.OK => StatusCodes.Status200OK,
        StatusCode.Cancelled => StatusCodes.Status499ClientClosedRequest,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unimplemented => StatusCodes.Status501NotImplemented,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    private sealed class WithHeaders(IResult inner, Action<IHeaderDictionary> set) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            set(httpContext.Response.Headers);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
