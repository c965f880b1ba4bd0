namespace BranchLedger.Domain.Access;

/// <summary>
/// One role bound to a credential, narrowed to tenants (null: every tenant) and, for branch
/// secretaries and verifiers, to nodes. Spelled <c>role@tenants[#nodes][!permissions]</c> in tokens and bindings,
/// e.g. <c>branch-secretary@acme#b1,b2</c>, <c>supervisor@*</c>, <c>system-client@acme!records.write</c>.
/// </summary>
public sealed record Grant(Role Role, IReadOnlySet<string>? Tenants, IReadOnlySet<string>? Nodes = null, Permission Explicit = Permission.None)
{
    private const string AllTenants = "*";

    /// <summary>What this grant allows, before scopes: fixed per role, explicit for system clients.</summary>
    public Permission Permissions => Role switch
    {
        Role.PlatformAdmin => Permission.TenantCreate | Permission.AccessAdmin | Permission.AuditRead,
        Role.TenantAdmin => Permission.TenantRead | Permission.RecordWrite | Permission.RecordReview | Permission.DirectoryWrite | Permission.AccessAdmin
            | Permission.AuditRead | Permission.FindingVerify,
        Role.BranchSecretary => Permission.TenantRead | Permission.RecordWrite,
        Role.Supervisor => Permission.TenantRead | Permission.CityRead | Permission.RubricPublish | Permission.AuditRead,
        Role.Auditor => Permission.TenantRead | Permission.AuditRead | (Tenants is null ? Permission.CityRead : Permission.None),
        Role.SystemClient => Explicit,
        Role.Verifier => Permission.TenantRead | Permission.FindingVerify,
        _ => Permission.None,
    };

    /// <summary>Whether the grant reaches the tenant.</summary>
    public bool Covers(string tenant) => Tenants is null || Tenants.Contains(tenant);

    /// <summary>A grant over every tenant.</summary>
    public static Grant Everywhere(Role role, Permission explicitPermissions = Permission.None) => new(role, null, null, explicitPermissions);

    /// <summary>A grant over one tenant.</summary>
    public static Grant For(Role role, string tenant, IEnumerable<string>? nodes = null, Permission explicitPermissions = Permission.None) =>
        new(role, new SortedSet<string>(StringComparer.Ordinal) { tenant }, nodes is null ? null : new SortedSet<string>(nodes, StringComparer.Ordinal), explicitPermissions);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = RoleNames.Name(Role) + "@" + (Tenants is null ? AllTenants : string.Join(',', Tenants));
        if (Nodes is { Count: > 0 })
        {
            text += "#" + string.Join(',', Nodes);
        }

        return Explicit == Permission.None ? text : text + "!" + string.Join(',', RoleNames.Names(Explicit));
    }

    /// <summary>Parses the spelling <see cref="ToString"/> writes; null when it is not one.</summary>
    public static Grant? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 4096)
        {
            return null;
        }

        var explicitPermissions = Permission.None;
        var bang = text.IndexOf('!', StringComparison.Ordinal);
        if (bang >= 0)
        {
            foreach (var name in text[(bang + 1)..].Split(','))
            {
                if (!RoleNames.TryParsePermission(name, out var permission))
                {
                    return null;
                }

                explicitPermissions |= permission;
            }

            text = text[..bang];
        }

        IReadOnlySet<string>? nodes = null;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            nodes = SlugSet(text[(hash + 1)..]);
            if (nodes is null)
            {
                return null;
            }

            text = text[..hash];
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || !RoleNames.TryParse(text[..at], out var role))
        {
            return null;
        }

        var tenantText = text[(at + 1)..];
        if (tenantText == AllTenants)
        {
            return new Grant(role, null, nodes, explicitPermissions);
        }

        var tenants = SlugSet(tenantText);
        return tenants is null ? null : new Grant(role, tenants, nodes, explicitPermissions);
    }

    private static SortedSet<string>? SlugSet(string text)
    {
        var parts = text.Split(',');
        return parts.All(Identifiers.IsSlug) ? new SortedSet<string>(parts, StringComparer.Ordinal) : null;
    }
}
