using Grpc.Core;

namespace BranchLedger.Gateway.Services;

/// <summary>The one place that decides who a caller is. Every service asks it; none reads headers itself.</summary>
internal interface ICallerResolver
{
    /// <summary>The caller, or an <c>Unauthenticated</c> RpcException.</summary>
    Caller Resolve(ServerCallContext context);
}
