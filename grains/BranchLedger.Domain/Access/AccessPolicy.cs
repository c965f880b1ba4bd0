namespace BranchLedger.Domain.Access;

/// <summary>The one decision every RPC goes through: may these grants do this, here?</summary>
public static class AccessPolicy
{
    /// <summary>
    /// Whether some grant allows <paramref name="permission"/> in <paramref name="tenant"/> (null for
    /// city-level permissions) on every node in <paramref name="nodes"/> (empty: the whole tenant).
    /// Node scopes narrow record writes and, least privilege, reads too: a branch secretary bound to
    /// branches reads and writes those branches only — unless the tenant lets node-scoped grants read
    /// the whole tenant (<paramref name="nodeGrantsReadWholeTenant"/>, the tenant setting
    /// <c>secretaries_read_whole_tenant</c>), which widens reads, never writes.
    /// </summary>
    public static bool Allows(
        IReadOnlyList<Grant> grants, Permission permission, string? tenant, IReadOnlyCollection<string> nodes, bool nodeGrantsReadWholeTenant = false)
    {
        if (permission == Permission.None)
        {
            return grants.Count > 0;
        }

        return grants.Any(g => InScope(g, permission, tenant)
            && (!NarrowedByNodes(permission, nodeGrantsReadWholeTenant) || g.Nodes is null || (nodes.Count > 0 && nodes.All(g.Nodes.Contains))));
    }

    /// <summary>
    /// Whether some grant allows <paramref name="permission"/> in <paramref name="tenant"/> on at least
    /// some node: the check made before a request's nodes are known (its message is not read yet); the
    /// nodes are checked with <see cref="Allows"/> once they are.
    /// </summary>
    public static bool AllowsSomewhere(IReadOnlyList<Grant> grants, Permission permission, string? tenant) =>
        permission == Permission.None ? grants.Count > 0 : grants.Any(g => InScope(g, permission, tenant));

    /// <summary>
    /// The nodes of <paramref name="tenant"/> the grants may read, or null for all of them: what a
    /// tenant-wide listing is filtered to for a node-scoped reader.
    /// </summary>
    public static IReadOnlySet<string>? ReadableNodes(IReadOnlyList<Grant> grants, string tenant, bool nodeGrantsReadWholeTenant = false)
    {
        var readers = grants.Where(g => InScope(g, Permission.TenantRead, tenant)).ToList();
        if (nodeGrantsReadWholeTenant || readers.Any(g => g.Nodes is null))
        {
            return null;
        }

        return new SortedSet<string>(readers.SelectMany(g => g.Nodes!), StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether node scopes narrow the permission: record writes and verification always (a verifier
    /// narrowed to nodes verifies only there); reads unless the tenant widens them.
    /// </summary>
    public static bool NarrowedByNodes(Permission permission, bool nodeGrantsReadWholeTenant = false) =>
        permission is Permission.RecordWrite or Permission.FindingVerify || (permission == Permission.TenantRead && !nodeGrantsReadWholeTenant);

    /// <summary>Whether node scopes narrow the permission whatever the tenant's read setting (writes and verification).</summary>
    public static bool IsNodeScoped(Permission permission) => NarrowedByNodes(permission, nodeGrantsReadWholeTenant: true);

    /// <summary>Whether any grant reaching <paramref name="tenant"/> is narrowed to nodes (so the tenant's read setting matters).</summary>
    public static bool HasNodeScope(IReadOnlyList<Grant> grants, string tenant) =>
        grants.Any(g => g.Nodes is not null && g.Covers(tenant));

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

    private static bool InScope(Grant g, Permission permission, string? tenant) =>
        g.Permissions.HasFlag(permission)
        && (tenant is null ? g.Tenants is null || !IsTenantBound(permission) : g.Covers(tenant));
}
