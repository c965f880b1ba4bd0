using Grpc.Core;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>How a call ended, for tests that fire many calls and count the answers.</summary>
public static class RpcOutcome
{
    /// <summary>OK, or the status code and exception the call failed with.</summary>
    public static async Task<(StatusCode Code, RpcException? Error)> Of(Func<Task> call)
    {
        try
        {
            await call();
            return (StatusCode.OK, null);
        }
        catch (RpcException ex)
        {
            return (ex.StatusCode, ex);
        }
    }
}
