using System.Threading.RateLimiting;
using BranchLedger.Api.V1;
using BranchLedger.Gateway.Services;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// Fair sharing: every tenant and every credential has its own token buckets (requests, and imported
/// rows for bulk imports) and a cap on calls in flight, so one body's bulk import spends only its own
/// budget and never starves the others. Over budget: RESOURCE_EXHAUSTED with google.rpc.RetryInfo.
/// Also caps how long any unary call may run.
/// </summary>
internal sealed class LimitsInterceptor : Interceptor, IDisposable
{
    private const string CityPartition = "(city)";
    private readonly PartitionedRateLimiter<string> _tenantRequests;
    private readonly PartitionedRateLimiter<string> _clientRequests;
    private readonly PartitionedRateLimiter<string> _tenantRows;
    private readonly PartitionedRateLimiter<string> _tenantInFlight;
    private readonly TimeSpan _maxCall;

    public LimitsInterceptor(IOptions<LimitOptions> options)
    {
        var o = options.Value;
        _tenantRequests = Buckets(o.TenantRequestsPerSecond, o.TenantBurst);
        _clientRequests = Buckets(o.ClientRequestsPerSecond, o.ClientBurst);
        _tenantRows = Buckets(o.TenantImportRowsPerSecond, Math.Max(2 * o.TenantImportRowsPerSecond, 1_000));
        _tenantInFlight = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetConcurrencyLimiter(
            key, _ => new ConcurrencyLimiterOptions { PermitLimit = Math.Max(1, o.TenantConcurrency), QueueLimit = 0 }));
        _maxCall = TimeSpan.FromSeconds(Math.Max(1, o.MaxCallSeconds));
    }

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        using var inFlight = Admit(request, context);
        try
        {
            return await continuation(request, context).WaitAsync(_maxCall, context.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.DeadlineExceeded,
                $"The call ran longer than {_maxCall.TotalSeconds:0} s; a write may still complete — retry with the same request id."));
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        // Streams pay at the start; they are long-lived by design, so they hold no in-flight slot.
        Admit(request, context)?.Dispose();
        await continuation(request, responseStream, context);
    }

    public void Dispose()
    {
        _tenantRequests.Dispose();
        _clientRequests.Dispose();
        _tenantRows.Dispose();
        _tenantInFlight.Dispose();
    }

    private RateLimitLease? Admit(object request, ServerCallContext context)
    {
        if (!context.UserState.TryGetValue(AuthorizationInterceptor.CallerKey, out var found) || found is not Caller caller)
        {
            return null; // health and reflection
        }

        var tenant = caller.ActingTenant ?? CityPartition;
        Take(_clientRequests, caller.Credential + "|" + caller.Subject, 1, "this credential's request rate");
        Take(_tenantRequests, tenant, 1, $"tenant '{tenant}''s request rate");
        if (request is ImportRecordsRequest import && import.Rows.Count > 0)
        {
            Take(_tenantRows, tenant, import.Rows.Count, $"tenant '{tenant}''s import rate");
        }

        var slot = _tenantInFlight.AttemptAcquire(tenant);
        if (!slot.IsAcquired)
        {
            slot.Dispose();
            throw Exhausted($"tenant '{tenant}''s calls in flight", TimeSpan.FromMilliseconds(100));
        }

        return slot;
    }

    private static void Take(PartitionedRateLimiter<string> limiter, string key, int permits, string what)
    {
        using var lease = limiter.AttemptAcquire(key, permits);
        if (!lease.IsAcquired)
        {
            throw Exhausted(what, lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1));
        }
    }

    private static RpcException Exhausted(string what, TimeSpan retryAfter) => new Google.Rpc.Status
    {
        Code = (int)Code.ResourceExhausted,
        Message = $"Over {what}; retry after {retryAfter.TotalMilliseconds:0} ms.",
        Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }) },
    }.ToRpcException();

    private static PartitionedRateLimiter<string> Buckets(int perSecond, int burst) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = Math.Max(1, perSecond / 10),
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
