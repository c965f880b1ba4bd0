using BranchLedger.Domain.Access;
using BranchLedger.Gateway.Services;
using Microsoft.AspNetCore.Authorization;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// The authorization policies, one per <see cref="Permission"/>, named so any endpoint can ask for one:
/// gRPC methods with <see cref="RequiresPermissionAttribute"/>, minimal-API routes with
/// <c>.RequireAuthorization(Policies.For(Permission.TenantRead))</c>. The decision is the Domain's
/// (<see cref="AccessPolicy"/>), made by <see cref="PermissionHandler"/>; a route using these policies
/// gets the same caller, tenant choice and refusals as the RPCs.
/// </summary>
internal static class Policies
{
    private const string Prefix = "branchledger:";
    private const string AnyRoleName = "any-role";

    /// <summary>The policy name for a permission; <see cref="Permission.None"/> is "any authenticated caller holding a role".</summary>
    public static string For(Permission permission) =>
        Prefix + (permission == Permission.None ? AnyRoleName : string.Join(',', RoleNames.Names(permission)));

    /// <summary>
    /// The policy an RPC's handler declares: what a plain HTTP route serving that RPC (a download, an
    /// upload) requires, so the route cannot drift from the RPC it serves.
    /// </summary>
    public static string OfHandler<TService>(string method) =>
        typeof(TService).GetMethods().Single(m => m.Name == method).GetCustomAttributes(typeof(RequiresPermissionAttribute), false)
            .OfType<RequiresPermissionAttribute>().SingleOrDefault()?.Policy
            ?? throw new InvalidOperationException($"{typeof(TService).Name}.{method} declares no permission.");

    /// <summary>The permission a policy name stands for, when it is one of these policies.</summary>
    public static bool TryParse(string? policy, out Permission permission)
    {
        permission = Permission.None;
        if (policy is null || !policy.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var names = policy[Prefix.Length..];
        if (names == AnyRoleName)
        {
            return true;
        }

        foreach (var name in names.Split(','))
        {
            if (!RoleNames.TryParsePermission(name, out var one))
            {
                return false;
            }

            permission |= one;
        }

        return permission != Permission.None;
    }

    /// <summary>The permission an endpoint declares (through any of these policies), or null when it declares none.</summary>
    public static Permission? DeclaredBy(Endpoint? endpoint)
    {
        foreach (var data in endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? [])
        {
            if (TryParse(data.Policy, out var permission))
            {
                return permission;
            }
        }

        return null;
    }
}

/// <summary>The node-scope check for plain HTTP routes (gRPC and JSON calls get it from the typed request in <see cref="AuthorizationInterceptor"/>).</summary>
internal static class NodeAuthorization
{
    /// <summary>
    /// Whether the caller established by the route's policy may exercise <paramref name="permission"/> on
    /// <paramref name="nodes"/> (empty: the whole tenant): a resource-based check through ASP.NET Core's
    /// <see cref="IAuthorizationService"/>. Null when allowed, otherwise the refusal to answer.
    /// </summary>
    public static Task<Grpc.Core.Status?> RefusalAsync(HttpContext http, Permission permission, IReadOnlyList<string> nodes) =>
        RefusalAsync(http, CallerAccess.Established(http)
            ?? throw new InvalidOperationException("The route requires no BranchLedger policy, so no caller was established."), permission, nodes);

    /// <inheritdoc cref="RefusalAsync(HttpContext, Permission, IReadOnlyList{string})"/>
    public static async Task<Grpc.Core.Status?> RefusalAsync(HttpContext http, Caller caller, Permission permission, IReadOnlyList<string> nodes)
    {
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        var result = await authorization.AuthorizeAsync(http.User, new NodeScope(caller, nodes), new PermissionRequirement(permission));
        return result.Succeeded ? null
            : result.Failure?.FailureReasons.OfType<RefusalReason>().FirstOrDefault()?.Status
                ?? Caller.Denied(permission, caller.ActingTenant).Status;
    }
}
