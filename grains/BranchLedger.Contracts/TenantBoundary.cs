namespace BranchLedger.Contracts;

/// <summary>
/// The tenant a call is made on behalf of travels in the Orleans request context under <see cref="Key"/>:
/// the gateway sets it for every request, and every tenant-owned grain stamps its own tenant on the calls
/// it makes. City-level grains (the ranking path, rescoring) clear it, because they legitimately reach
/// every tenant.
/// </summary>
public static class TenantBoundary
{
    /// <summary>The request-context key.</summary>
    public const string Key = "bl-tenant";

    /// <summary>Sets (or, with null, clears) the tenant the current async flow acts for.</summary>
    public static void ActFor(string? tenant)
    {
        if (tenant is null)
        {
            RequestContext.Remove(Key);
        }
        else
        {
            RequestContext.Set(Key, tenant);
        }
    }

    /// <summary>The tenant the current call acts for, if any.</summary>
    public static string? Current => RequestContext.Get(Key) as string;

    /// <summary>The tenant that owns a tenant-owned grain.</summary>
    public static string OwnerOf(GrainId grain) => GrainKeys.OwnerTenant(grain.Key.ToString()!);
}
