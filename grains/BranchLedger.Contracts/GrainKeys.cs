using BranchLedger.Domain;

namespace BranchLedger.Contracts;

/// <summary>
/// Builds every grain key. Tenant-owned keys start with the tenant and a '/', so the tenant of any
/// key can be read back without a lookup (the tenancy filter relies on that).
/// </summary>
public static class GrainKeys
{
    private const char Separator = '/';

    /// <summary>The key of a branch's ledger grain: <c>{tenant}/{branch}</c>.</summary>
    public static string Branch(string tenant, string branch) => Join(tenant, branch);

    /// <summary>The tenant part of a tenant-owned key.</summary>
    public static string TenantOf(string key)
    {
        var at = key.IndexOf(Separator, StringComparison.Ordinal);
        return at > 0 ? key[..at] : throw new ArgumentException($"'{key}' is not a tenant-owned key", nameof(key));
    }

    /// <summary>The last part of a key (the branch of a branch key).</summary>
    public static string LocalIdOf(string key) => key[(key.LastIndexOf(Separator) + 1)..];

    private static string Join(string tenant, string id)
    {
        if (!Identifiers.IsSlug(tenant))
        {
            throw new ArgumentException($"'{tenant}' is not a valid tenant id", nameof(tenant));
        }

        if (!Identifiers.IsSlug(id))
        {
            throw new ArgumentException($"'{id}' is not a valid id", nameof(id));
        }

        return string.Concat(tenant, Separator.ToString(), id);
    }
}
