using Grpc.Core;

namespace BranchLedger.Gateway.Services;

/// <summary>The one place services learn who is calling. Every service asks it; none reads credentials itself.</summary>
internal interface ICallerResolver
{
    /// <summary>The caller the authorization interceptor established for this call.</summary>
    Caller Resolve(ServerCallContext context);
}
