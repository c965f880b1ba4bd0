using BranchLedger.Domain.Access;
using Microsoft.AspNetCore.Authorization;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// The requirement behind every <see cref="Policies"/> policy: the caller's grants allow
/// <see cref="Permission"/> in the acting tenant. Checked twice, as ASP.NET Core intends: on the
/// endpoint (resource: the <see cref="HttpContext"/>) before the request is read, and on the nodes the
/// request names (resource: a <see cref="NodeScope"/>) once it is.
/// </summary>
internal sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;

/// <summary>The resource of a node-scope check: the nodes a request reads or writes (empty: the whole tenant), for the established caller.</summary>
internal sealed record NodeScope(Services.Caller Caller, IReadOnlyList<string> Nodes);

/// <summary>
/// Fail closed: the fallback policy of endpoints that declare no permission. Anything that is not a
/// gRPC method passes (static files, health, the OpenAPI document); a gRPC method outside the open
/// services (health, reflection) is refused, so a new RPC without <see cref="RequiresPermissionAttribute"/>
/// is served to no one.
/// </summary>
internal sealed class DeclaredRequirement : IAuthorizationRequirement;

/// <summary>Why a call was refused, as the gRPC status the caller gets (same codes and texts over gRPC, JSON and downloads).</summary>
internal sealed class RefusalReason(IAuthorizationHandler handler, Grpc.Core.Status status) : AuthorizationFailureReason(handler, status.Detail)
{
    public Grpc.Core.Status Status { get; } = status;
}
