using Google.Rpc;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Rankings;

/// <summary>Assertions on RankingService errors.</summary>
internal static class RankingApiAssert
{
    /// <summary>The call fails with INVALID_ARGUMENT naming exactly these fields (in any order).</summary>
    public static async Task InvalidAsync(Func<Task> call, params string[] fields)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violations = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(fields.Order(StringComparer.Ordinal), violations);
    }
}
