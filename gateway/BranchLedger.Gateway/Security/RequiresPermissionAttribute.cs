using BranchLedger.Domain.Access;
using Microsoft.AspNetCore.Authorization;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// What an RPC needs, declared on its handler: grpc-dotnet copies the attribute into the endpoint
/// metadata of the gRPC method and of its JSON transcoding route, where ASP.NET Core's authorization
/// middleware applies the policy before the message is read. A served method without one is refused
/// (<see cref="DeclaredRequirement"/>), and a test checks every served method declares one.
/// </summary>
/// <param name="permission">
/// The permission; <see cref="Permission.None"/> for "any caller holding a role" — also used where the
/// handler decides from the request (city or tenant scope, the grant being handed out) with
/// <see cref="Services.Caller.Demand"/>.
/// </param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
internal sealed class RequiresPermissionAttribute(Permission permission) : AuthorizeAttribute(Policies.For(permission))
{
    /// <summary>The permission the policy demands.</summary>
    public Permission Permission { get; } = permission;

    /// <summary>Whether the RPC changes state, and so is written to the audit trail.</summary>
    public bool Mutation { get; set; }
}
