using BranchLedger.Domain;

namespace BranchLedger.Contracts;

/// <summary>
/// Builds every grain key. Tenant-owned keys start with the tenant and a '/', so the tenant of any
/// key can be read back without a lookup (the tenancy filter relies on that).
/// </summary>
public static class GrainKeys
{
    private const char Separator = '/';

    /// <summary>The key of a node's ledger grain (an organisation or a branch): <c>{tenant}/{node}</c>.</summary>
    public static string Ledger(string tenant, string node) => Join(tenant, node);

    /// <summary>The key of the archive of one sealed year of a node's ledger: <c>{tenant}/{node}/{year}</c>.</summary>
    public static string Archive(string tenant, string node, int year) =>
        year is >= 1900 and <= 9999
            ? string.Concat(Join(tenant, node), Separator.ToString(), year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : throw new ArgumentOutOfRangeException(nameof(year), year, "a calendar year");

    /// <summary>
    /// The key of a tenant's directory grain: the tenant id alone. It is a validated slug, so it can
    /// never collide with a tenant-owned key (those always contain the '/').
    /// </summary>
    public static string Tenant(string tenant) =>
        Identifiers.IsSlug(tenant) ? tenant : throw new ArgumentException($"'{tenant}' is not a valid tenant id", nameof(tenant));

    /// <summary>The tenant part of a tenant-owned key.</summary>
    public static string TenantOf(string key)
    {
        var at = key.IndexOf(Separator, StringComparison.Ordinal);
        return at > 0 ? key[..at] : throw new ArgumentException($"'{key}' is not a tenant-owned key", nameof(key));
    }

    /// <summary>The tenant that owns a key: the part before the first '/', or the whole key (a tenant's own grains).</summary>
    public static string OwnerTenant(string key)
    {
        var at = key.IndexOf(Separator, StringComparison.Ordinal);
        return at > 0 ? key[..at] : key;
    }

    /// <summary>The last part of a key (the node of a ledger key).</summary>
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
