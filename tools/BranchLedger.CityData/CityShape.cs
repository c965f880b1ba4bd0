namespace BranchLedger.CityData;

/// <summary>
/// The size of a generated city for benchmarks: <paramref name="Tenants"/> bodies of
/// <paramref name="BranchesPerTenant"/> branches each, tenants numbered from <paramref name="FirstTenant"/>
/// (so a larger city extends a smaller one with the same tenants and rows), with the records of one
/// calendar <paramref name="Year"/> dated from <paramref name="From"/> on (1 January unless fewer records
/// per branch are wanted).
/// </summary>
public sealed record CityShape(int Tenants, int BranchesPerTenant, int Year, int FirstTenant = 0, DateOnly? From = null)
{
    /// <summary>The branches of the city.</summary>
    public int Branches => Tenants * BranchesPerTenant;

    /// <summary>The first day of the records kept.</summary>
    public DateOnly FirstDay => From ?? new DateOnly(Year, 1, 1);

    /// <summary>The tenant id of the <paramref name="index"/>-th body, e.g. <c>city-t007</c>.</summary>
    public static string TenantId(int index) => $"city-t{index:D3}";
}
