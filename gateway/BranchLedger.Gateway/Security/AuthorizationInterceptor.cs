using BranchLedger.Auth;
using BranchLedger.Contracts;
using BranchLedger.Domain.Access;
using BranchLedger.Gateway.Services;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// The gate every RPC passes: a valid credential (health and reflection excepted), then the RPC's
/// permission in the acting tenant (and, for node-scoped record writes, on the nodes it names). The
/// established <see cref="Caller"/> is what services read, and its tenant travels with every grain call
/// so the silo's tenant boundary filter can check it again.
/// </summary>
internal sealed class AuthorizationInterceptor(CallerFactory callers, ILogger<AuthorizationInterceptor> logger) : Interceptor
{
    public const string CallerKey = "branchledger-caller";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        // The request context is async-local: set here, in the frame that runs the handler.
        TenantBoundary.ActFor(ActsFor(await AuthorizeAsync(request, context), context));
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        TenantBoundary.ActFor(ActsFor(await AuthorizeAsync(request, context), context));
        await continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        RpcAccess.IsOpen(context.Method) ? continuation(requestStream, context) : throw Unexposed(context);

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        RpcAccess.IsOpen(context.Method) ? continuation(requestStream, responseStream, context) : throw Unexposed(context);

    private async Task<Caller?> AuthorizeAsync(object request, ServerCallContext context)
    {
        if (RpcAccess.IsOpen(context.Method))
        {
            return null;
        }

        var rule = RpcAccess.Find(context.Method) ?? throw Unexposed(context);
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, await AuthenticateFirst.WhyAsync(http)));
        }

        var named = context.RequestHeaders.GetValue(BranchLedgerClaims.TenantHeader);
        var caller = await callers.CreateAsync(http.User, string.IsNullOrEmpty(named) ? null : named);
        if (caller.Grants.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"'{caller.Subject}' holds no role; ask an administrator to bind one."));
        }

        if (!rule.HandlerChecks)
        {
            var tenant = AccessPolicy.IsTenantBound(rule.Permission) ? caller.Tenant : null;
            var nodes = AccessPolicy.IsNodeScoped(rule.Permission) ? RequestFacts.NodeIds(request) : [];
            if (!AccessPolicy.Allows(caller.Grants, rule.Permission, tenant, nodes))
            {
                // A client error: counted by RefusalCounting, logged for debugging only.
                logger.LogDebug("Refused {Method} to {Subject} ({Credential}) in tenant {Tenant}", context.Method, caller.Subject, caller.Credential, tenant);
                throw nodes.Count > 0 && AccessPolicy.Allows(caller.Grants, Permission.TenantRead, tenant, [])
                    ? new RpcException(new Status(StatusCode.PermissionDenied, $"The credential may not write records of node(s) {string.Join(", ", nodes)}."))
                    : Caller.Denied(rule.Permission, tenant);
            }
        }

        context.UserState[CallerKey] = caller;
        return caller;
    }

    /// <summary>
    /// The tenant grain calls act for: the caller's, except for city-level reads, which legitimately
    /// reach every tenant (like the ranking path inside the cluster).
    /// </summary>
    private static string? ActsFor(Caller? caller, ServerCallContext context) =>
        RpcAccess.Find(context.Method)?.Permission == Permission.CityRead ? null : caller?.ActingTenant;

    private static RpcException Unexposed(ServerCallContext context) =>
        new(new Status(StatusCode.PermissionDenied, $"{context.Method} is not open to any credential."));
}
