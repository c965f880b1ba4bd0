using BranchLedger.Contracts.Errors;
using BranchLedger.Domain.Validation;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Orleans.Runtime;
using Status = Google.Rpc.Status;

namespace BranchLedger.Gateway.Errors;

/// <summary>
/// Turns what grains and validation throw into gRPC statuses with google.rpc details. Without it
/// grpc-dotnet answers UNKNOWN for every exception of a unary or streaming call, which tells a client neither what was wrong nor
/// whether a retry can help.
/// </summary>
internal sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    // WatchRanking and the streamed files (reports, exports): refusals before the first message and
    // failures while streaming are mapped the same way.
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    private RpcException Map(Exception ex, ServerCallContext context)
    {
        switch (ex)
        {
            case InvalidCommandException invalid:
                var badRequest = new BadRequest();
                // The description stays as the rules wrote it (for developers and logs); the person at the
                // form reads the Chinese, in the one place every field violation of the API passes through.
                badRequest.FieldViolations.AddRange(invalid.Errors.Select(e => new BadRequest.Types.FieldViolation
                {
                    Field = e.Field,
                    Description = e.Description,
                    LocalizedMessage = new LocalizedMessage { Locale = ChineseDescriptions.Locale, Message = ChineseDescriptions.Of(e.Description) },
                }));
                return Rich(Code.InvalidArgument, "The request is invalid; see the field violations.", badRequest);

            case RequestIdConflictException conflict:
                return Rich(Code.FailedPrecondition, conflict.Message, Precondition("REQUEST_ID_REUSED", "request_id", conflict.Message));

            case NotFoundException notFound:
                return Rich(Code.NotFound, notFound.Message, new ResourceInfo
                {
                    ResourceType = notFound.ResourceType, ResourceName = notFound.ResourceName, Description = notFound.Message,
                });

            case AlreadyExistsException exists:
                return Rich(Code.AlreadyExists, exists.Message, new ResourceInfo
                {
                    ResourceType = exists.ResourceType, ResourceName = exists.ResourceName, Description = exists.Message,
                });

            case CrossTenantCallException crossing:
                logger.LogError(crossing, "Tenant boundary refused a call while serving {Method}", context.Method);
                return new RpcException(new Grpc.Core.Status(StatusCode.PermissionDenied, "The request reaches another tenant's data."));

            case PreconditionFailedException failed:
                return Rich(Code.FailedPrecondition, failed.Message, Precondition(failed.Type, failed.Subject, failed.Message));

            case var _ when IsUnavailable(ex):
                logger.LogWarning(ex, "Unavailable while serving {Method}", context.Method);
                return Rich(Code.Unavailable, "The ledger is temporarily unavailable; retry with the same request id.",
                    new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) });

            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "The call was cancelled."));

            default:
                logger.LogError(ex, "Unhandled error while serving {Method}", context.Method);
                return new RpcException(new Grpc.Core.Status(StatusCode.Internal, "Internal error."));
        }
    }

    // Orleans wraps what it passes on: a grain that could not load its state fails to activate with an
    // OrleansException around the storage's StorageUnavailableException, so the whole chain is looked at.
    private static bool IsUnavailable(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is StorageUnavailableException or SiloUnavailableException or OrleansMessageRejectionException
                or GatewayTooBusyException or Orleans.Runtime.Messaging.ConnectionFailedException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    private static PreconditionFailure Precondition(string type, string subject, string description) => new()
    {
        Violations = { new PreconditionFailure.Types.Violation { Type = type, Subject = subject, Description = description } },
    };

    private static RpcException Rich(Code code, string message, Google.Protobuf.IMessage detail) =>
        new Status { Code = (int)code, Message = message, Details = { Any.Pack(detail) } }.ToRpcException();
}
