using BranchLedger.Domain.Access;
using Grpc.Core;

namespace BranchLedger.Gateway.Services;

/// <summary>Who is calling, with which credential and grants, acting on which tenant.</summary>
/// <param name="ActingTenant">The tenant the call acts on: named in metadata or implied by the grants; null for city-level calls.</param>
/// <param name="Subject">The caller's identity, recorded on every write.</param>
/// <param name="Credential">"token:{issuer}" or "api-key:{id}".</param>
/// <param name="Grants">What the credential may do.</param>
internal sealed record Caller(string? ActingTenant, string Subject, string Credential, IReadOnlyList<Grant> Grants)
{
    /// <summary>Whether the acting tenant lets node-scoped grants read the whole tenant (its <c>secretaries_read_whole_tenant</c> setting).</summary>
    public bool NodeGrantsReadWholeTenant { get; init; }

    /// <summary>The nodes of the acting tenant the caller may read, or null for all: what tenant-wide listings are filtered to.</summary>
    public IReadOnlySet<string>? ReadableNodes => AccessPolicy.ReadableNodes(Grants, Tenant, NodeGrantsReadWholeTenant);

    /// <summary>The tenant of a tenant-scoped call; callers that reach several tenants must name one.</summary>
    public string Tenant => ActingTenant ?? throw new RpcException(new Status(StatusCode.InvalidArgument,
        $"This call acts on one tenant: name it in the '{Auth.BranchLedgerClaims.TenantHeader}' metadata."));

    /// <summary>
    /// Refuses the call unless the grants allow <paramref name="permission"/> (in <paramref name="tenant"/>,
    /// on <paramref name="nodes"/>; none: the whole tenant, which node-scoped grants may not read unless the tenant allows it).
    /// </summary>
    public void Demand(Permission permission, string? tenant, IReadOnlyCollection<string>? nodes = null) => DemandOn(permission, tenant, nodes ?? []);

    /// <summary>Refuses the call unless the grants allow <paramref name="permission"/> in <paramref name="tenant"/> on every one of <paramref name="nodes"/>.</summary>
    public void DemandOn(Permission permission, string? tenant, IReadOnlyCollection<string> nodes)
    {
        var widened = tenant == ActingTenant && NodeGrantsReadWholeTenant;
        if (!AccessPolicy.Allows(Grants, permission, tenant, nodes, widened))
        {
            throw nodes.Count > 0 && AccessPolicy.AllowsSomewhere(Grants, permission, tenant)
                ? new RpcException(new Status(StatusCode.PermissionDenied,
                    $"The credential does not allow {string.Join(", ", RoleNames.Names(permission))} on node(s) {string.Join(", ", nodes)}."))
                : Denied(permission, tenant);
        }
    }

    /// <summary>The PERMISSION_DENIED answer for a missing permission.</summary>
    public static RpcException Denied(Permission permission, string? tenant) =>
        new(new Status(StatusCode.PermissionDenied, tenant is null
            ? $"The credential does not allow {string.Join(", ", RoleNames.Names(permission))}."
            : $"The credential does not allow {string.Join(", ", RoleNames.Names(permission))} in tenant '{tenant}'."));
}
