using BranchLedger.Api.V1;
using BranchLedger.Contracts;
using BranchLedger.Domain.Access;
using BranchLedger.Gateway.Services;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// After ASP.NET Core's authorization middleware has applied the endpoint's policy (credential,
/// permission in the acting tenant — see <see cref="PermissionHandler"/>), this is the one place the
/// typed request is checked against node scopes: the nodes it names (<see cref="INodeScoped"/>), or,
/// for any other request, the whole tenant — unless it reads no node's data (<see cref="ITenantLevel"/>).
/// It then hands the established <see cref="Caller"/> to the services and sets the tenant every grain
/// call acts for, so the silo's tenant boundary filter can check it again.
/// </summary>
internal sealed class AuthorizationInterceptor : Interceptor
{
    public const string CallerKey = "branchledger-caller";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        // The request context is async-local: set here, in the frame that runs the handler.
        TenantBoundary.ActFor(await AuthorizeAsync(request, context));
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        TenantBoundary.ActFor(await AuthorizeAsync(request, context));
        await continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        OpenServices.Contains(context.Method) ? continuation(requestStream, context) : throw Unexposed(context);

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        OpenServices.Contains(context.Method) ? continuation(requestStream, responseStream, context) : throw Unexposed(context);

    /// <summary>The tenant grain calls act for, or null (open services; city-level reads, which legitimately reach every tenant).</summary>
    private async Task<string?> AuthorizeAsync(object request, ServerCallContext context)
    {
        if (OpenServices.Contains(context.Method))
        {
            return null;
        }

        var http = context.GetHttpContext();
        // Both are set by the endpoint's policy; missing means the endpoint declared none (fail closed).
        var permission = Policies.DeclaredBy(http.GetEndpoint()) ?? throw Unexposed(context);
        var caller = CallerAccess.Established(http) ?? throw Unexposed(context);
        if (AccessPolicy.NarrowedByNodes(permission) && request is not ITenantLevel)
        {
            // Resource-based: ASP.NET Core's authorization service with the request's nodes as the resource.
            var nodes = request is INodeScoped scoped ? scoped.ScopedNodeIds : [];
            if (await NodeAuthorization.RefusalAsync(http, caller, permission, nodes) is { } refused)
            {
                throw new RpcException(refused);
            }
        }

        context.UserState[CallerKey] = caller;
        return permission == Permission.CityRead ? null : caller.ActingTenant;
    }

    private static RpcException Unexposed(ServerCallContext context) =>
        new(new Status(StatusCode.PermissionDenied, $"{context.Method} is not open to any credential."));
}
