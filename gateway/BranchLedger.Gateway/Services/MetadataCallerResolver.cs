using BranchLedger.Domain;
using BranchLedger.Domain.Validation;
using Grpc.Core;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// Foundation-stage identity: the tenant and user come from request metadata. This is the single
/// place to replace when credentials (JWT, API keys) arrive; nothing else reads these headers.
/// </summary>
internal sealed class MetadataCallerResolver : ICallerResolver
{
    public const string TenantHeader = "x-branchledger-tenant";
    public const string UserHeader = "x-branchledger-user";

    public Caller Resolve(ServerCallContext context)
    {
        var tenant = context.RequestHeaders.GetValue(TenantHeader);
        if (string.IsNullOrEmpty(tenant) || !Identifiers.IsSlug(tenant))
        {
            throw new RpcException(new Status(
                StatusCode.Unauthenticated, $"Send the tenant id in the '{TenantHeader}' metadata."));
        }

        var user = context.RequestHeaders.GetValue(UserHeader);
        if (string.IsNullOrWhiteSpace(user))
        {
            return new Caller(tenant, "anonymous");
        }

        return user.Length <= 128 && TextRules.IsStorable(user)
            ? new Caller(tenant, user)
            : throw new RpcException(new Status(
                StatusCode.Unauthenticated, $"'{UserHeader}' must be at most 128 printable characters."));
    }
}
