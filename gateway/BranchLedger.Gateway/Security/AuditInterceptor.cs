using BranchLedger.Contracts.Audit;
using BranchLedger.Gateway.Services;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// Writes every mutation to the audit trail: who, which credential, when, request id, what, and how it
/// ended. A write is acknowledged only once its audit entry is durable; if the entry cannot be written
/// the client gets UNAVAILABLE and its retry (same request id, answered "replayed") is audited then.
/// A ledger write takes its entry with the command (<see cref="PendingEntry"/>) and commits it with its
/// record rows in one transaction; the call is then marked (<see cref="MarkAudited"/>) and no second
/// row is written here. Replays and refusals write no record, so they are audited here as before.
/// </summary>
internal sealed class AuditInterceptor(IGrainFactory grains, TimeProvider clock, ILogger<AuditInterceptor> logger) : Interceptor
{
    /// <summary>Services may name the tenant an entry belongs to when it is not the acting one (access changes; "" for platform-level).</summary>
    public const string TenantOverrideKey = "branchledger-audit-tenant";

    private const string PendingKey = "branchledger-audit-pending";
    private const string AuditedKey = "branchledger-audit-written";

    /// <summary>The entry this call's success would be audited with, for a service to commit with its change (null outside audited calls).</summary>
    public static AuditEntry? PendingEntry(ServerCallContext context) =>
        context.UserState.TryGetValue(PendingKey, out var entry) ? entry as AuditEntry : null;

    /// <summary>Tells the interceptor the pending entry was committed with the change.</summary>
    public static void MarkAudited(ServerCallContext context) => context.UserState[AuditedKey] = true;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var declared = context.GetHttpContext().GetEndpoint()?.Metadata.GetMetadata<RequiresPermissionAttribute>();
        if (declared is not { Mutation: true } || !context.UserState.TryGetValue(AuthorizationInterceptor.CallerKey, out var found)
            || found is not Caller caller)
        {
            return await continuation(request, context);
        }

        TResponse response;
        context.UserState[PendingKey] = Entry(request, context, caller, "OK");
        try
        {
            response = await continuation(request, context);
        }
        catch (RpcException refused)
        {
            await TryAppendAsync(Entry(request, context, caller, refused.StatusCode.ToString()));
            throw;
        }

        if (context.UserState.ContainsKey(AuditedKey))
        {
            return response;
        }

        try
        {
            await grains.GetGrain<IAuditLogGrain>(0).Append(Entry(request, context, caller, "OK"));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Audit entry for {Method} by {Subject} could not be written", context.Method, caller.Subject);
            throw new RpcException(new Status(StatusCode.Unavailable,
                "The change was applied but its audit entry could not be written; retry with the same request id."));
        }

        return response;
    }

    private AuditEntry Entry(object request, ServerCallContext context, Caller caller, string outcome) => new(
        clock.GetUtcNow(),
        context.UserState.TryGetValue(TenantOverrideKey, out var tenant) ? (tenant is string { Length: > 0 } named ? named : null) : caller.ActingTenant,
        caller.Subject, caller.Credential, RequestFacts.RequestId(request), context.Method, RequestFacts.Targets(request), outcome);

    private async Task TryAppendAsync(AuditEntry entry)
    {
        try
        {
            await grains.GetGrain<IAuditLogGrain>(0).Append(entry);
        }
        catch (Exception ex)
        {
            // The call already failed; its refusal is recorded when possible, never at the cost of the answer.
            logger.LogWarning(ex, "Audit entry for a refused {Rpc} could not be written", entry.Rpc);
        }
    }
}
