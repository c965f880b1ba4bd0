using BranchLedger.Contracts.Errors;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// Errors of the streaming RPC. <c>ErrorMappingInterceptor</c> maps unary calls only, so
/// <c>WatchRanking</c> turns its refusals into the same statuses and details itself.
/// </summary>
internal static class RankingErrors
{
    public static RpcException InvalidArgument(InvalidCommandException invalid)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(invalid.Errors.Select(e =>
            new BadRequest.Types.FieldViolation { Field = e.Field, Description = e.Description }));
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "The request is invalid; see the field violations.",
            Details = { Any.Pack(badRequest) },
        }.ToRpcException();
    }
}
