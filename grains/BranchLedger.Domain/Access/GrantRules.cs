namespace BranchLedger.Domain.Access;

/// <summary>Which grants make sense, and who may hand them out.</summary>
public static class GrantRules
{
    /// <summary>The permissions a system client (API key) may carry.</summary>
    public const Permission SystemClientPermissions =
        Permission.TenantRead | Permission.RecordWrite | Permission.RecordReview | Permission.DirectoryWrite | Permission.AuditRead | Permission.CityRead;

    /// <summary>Why the grant is malformed, or null when it is well formed.</summary>
    public static string? Problem(Grant grant)
    {
        var tenantCount = grant.Tenants?.Count;
        return grant.Role switch
        {
            Role.PlatformAdmin or Role.Supervisor when tenantCount is not null => "this role covers every tenant ('*')",
            Role.TenantAdmin or Role.BranchSecretary or Role.Verifier when tenantCount != 1 => "this role belongs to exactly one tenant",
            Role.BranchSecretary when grant.Nodes is not { Count: > 0 } => "a branch secretary names their branches",
            Role.Verifier when grant.Nodes is { Count: 0 } => "a verifier names their nodes, or none for the whole tenant",
            not (Role.BranchSecretary or Role.Verifier) when grant.Nodes is not null => "only branch secretaries and verifiers are narrowed to nodes",
            Role.SystemClient when grant.Explicit == Permission.None => "a system client names its permissions",
            Role.SystemClient when (grant.Explicit & ~SystemClientPermissions) != 0 => "a system client may only read, write or review records, change the directory or read the audit trail",
            Role.SystemClient when grant.Explicit.HasFlag(Permission.CityRead) && tenantCount is not null => "city.read needs every tenant ('*')",
            not Role.SystemClient when grant.Explicit != Permission.None => "only system clients carry explicit permissions",
            _ => null,
        };
    }

    /// <summary>
    /// Whether someone holding <paramref name="granter"/> may bind <paramref name="grant"/>: platform
    /// admins bind anything; a tenant's access admins bind tenant roles inside their own tenant only,
    /// so nobody can mint a supervisor or reach another tenant.
    /// </summary>
    public static bool MayBind(IReadOnlyList<Grant> granter, Grant grant)
    {
        if (granter.Any(g => g.Role == Role.PlatformAdmin))
        {
            return true;
        }

        if (grant.Role is Role.PlatformAdmin or Role.Supervisor || grant.Tenants is not { Count: 1 })
        {
            return false;
        }

        var tenant = grant.Tenants.First();
        return granter.Any(g => g.Permissions.HasFlag(Permission.AccessAdmin) && g.Tenants is { } t && t.Contains(tenant));
    }
}
