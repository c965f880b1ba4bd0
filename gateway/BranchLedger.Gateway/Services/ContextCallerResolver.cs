using BranchLedger.Gateway.Security;
using Grpc.Core;

namespace BranchLedger.Gateway.Services;

/// <summary>Hands services the caller <see cref="AuthorizationInterceptor"/> established.</summary>
internal sealed class ContextCallerResolver : ICallerResolver
{
    public Caller Resolve(ServerCallContext context) =>
        context.UserState.TryGetValue(AuthorizationInterceptor.CallerKey, out var caller) && caller is Caller known
            ? known
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "No credential was checked for this call."));
}
