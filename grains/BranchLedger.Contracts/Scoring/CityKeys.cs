namespace BranchLedger.Contracts.Scoring;

/// <summary>
/// Keys of the few city-wide grains. They hold no tenant's data (rubrics, the tenant list), so they
/// are the exception to tenant-prefixed keys; "city" can never be a tenant-owned key (no '/').
/// </summary>
public static class CityKeys
{
    /// <summary>The one key of each city-wide grain.</summary>
    public const string City = "city";
}
