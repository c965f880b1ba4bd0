namespace BranchLedger.Domain.Access;

/// <summary>The stable spellings of roles and permissions in tokens, API keys and the API.</summary>
public static class RoleNames
{
    private static readonly Dictionary<Role, string> Roles = new()
    {
        [Role.PlatformAdmin] = "platform-admin",
        [Role.TenantAdmin] = "tenant-admin",
        [Role.BranchSecretary] = "branch-secretary",
        [Role.Supervisor] = "supervisor",
        [Role.Auditor] = "auditor",
        [Role.SystemClient] = "system-client",
        [Role.Verifier] = "verifier",
    };

    private static readonly Dictionary<Permission, string> Permissions = new()
    {
        [Permission.TenantRead] = "tenant.read",
        [Permission.RecordWrite] = "records.write",
        [Permission.DirectoryWrite] = "directory.write",
        [Permission.CityRead] = "city.read",
        [Permission.RubricPublish] = "rubric.publish",
        [Permission.AuditRead] = "audit.read",
        [Permission.AccessAdmin] = "access.admin",
        [Permission.TenantCreate] = "tenant.create",
        [Permission.RecordReview] = "records.review",
        [Permission.FindingVerify] = "findings.verify",
    };

    /// <summary>Every role, in declaration order.</summary>
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    /// <summary>The role's spelling, e.g. <c>branch-secretary</c>.</summary>
    public static string Name(Role role) => Roles[role];

    /// <summary>Parses a role's spelling.</summary>
    public static bool TryParse(string? text, out Role role)
    {
        foreach (var (candidate, name) in Roles)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    /// <summary>The single permissions in a set, spelled.</summary>
    public static IEnumerable<string> Names(Permission set) =>
        Permissions.Where(p => set.HasFlag(p.Key)).Select(p => p.Value);

    /// <summary>Parses one permission's spelling.</summary>
    public static bool TryParsePermission(string? text, out Permission permission)
    {
        var match = Permissions.FirstOrDefault(p => string.Equals(p.Value, text, StringComparison.Ordinal));
        permission = match.Key;
        return match.Value is not null;
    }
}
