namespace BranchLedger.Domain.Access;

/// <summary>The one decision every RPC goes through: may these grants do this, here?</summary>
public static class AccessPolicy
{
    /// <summary>
    /// Whether some grant allows <paramref name="permission"/> in <paramref name="tenant"/> (null for
    /// city-level permissions) on every node in <paramref name="nodes"/>. Node scopes narrow record
    /// writes and verification only: a branch secretary reads the whole tenant but writes only their own
    /// branches; a verifier narrowed to nodes verifies only there.
    /// </summary>
    public static bool Allows(IReadOnlyList<Grant> grants, Permission permission, string? tenant, IReadOnlyCollection<string> nodes)
    {
        if (permission == Permission.None)
        {
            return grants.Count > 0;
        }

        return grants.Any(g =>
            g.Permissions.HasFlag(permission)
            && (tenant is null ? g.Tenants is null || !IsTenantBound(permission) : g.Covers(tenant))
            && (!IsNodeScoped(permission) || g.Nodes is null || (nodes.Count > 0 && nodes.All(g.Nodes.Contains))));
    }

    /// <summary>Whether node scopes narrow the permission (and so the request's node ids must be checked).</summary>
    public static bool IsNodeScoped(Permission permission) =>
        permission is Permission.RecordWrite or Permission.FindingVerify;

    /// <summary>Whether the permission is exercised inside one tenant (and so needs one named).</summary>
    public static bool IsTenantBound(Permission permission) =>
        permission is not (Permission.None or Permission.CityRead or Permission.RubricPublish);

    /// <summary>
    /// The one tenant the grants could mean when a request names none, or null when they reach
    /// several (or all) and the caller has to say which.
    /// </summary>
    public static string? DefaultTenant(IReadOnlyList<Grant> grants)
    {
        var tenants = new HashSet<string>(StringComparer.Ordinal);
        foreach (var grant in grants)
        {
            if (grant.Tenants is null)
            {
                return null;
            }

            tenants.UnionWith(grant.Tenants);
        }

        return tenants.Count == 1 ? tenants.First() : null;
    }
}
