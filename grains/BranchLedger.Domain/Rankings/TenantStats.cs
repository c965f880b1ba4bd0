namespace BranchLedger.Domain.Rankings;

/// <summary>
/// A tenant's branch totals summed up (in hundredths): enough to merge shards exactly and to derive
/// the mean, minimum, maximum and standard deviation of the whole tenant.
/// </summary>
public sealed record TenantStats(string Tenant, int Count, long Sum, long SumOfSquares, long Min, long Max)
{
    /// <summary>One branch's total.</summary>
    public static TenantStats Of(string tenant, long total) => new(tenant, 1, total, total * total, total, total);

    /// <summary>The stats of both parts together (same tenant).</summary>
    public TenantStats Add(TenantStats other)
    {
        if (!string.Equals(Tenant, other.Tenant, StringComparison.Ordinal))
        {
            throw new ArgumentException($"cannot add the stats of tenant '{other.Tenant}' to those of '{Tenant}'", nameof(other));
        }

        return new TenantStats(Tenant, Count + other.Count, Sum + other.Sum, SumOfSquares + other.SumOfSquares,
            Math.Min(Min, other.Min), Math.Max(Max, other.Max));
    }

    /// <summary>The mean total.</summary>
    public double Mean => Count == 0 ? 0 : Math.Round(Sum / 100.0 / Count, 2, MidpointRounding.AwayFromZero);

    /// <summary>The population standard deviation of the totals (every branch of the tenant is counted, not a sample).</summary>
    public double StdDev
    {
        get
        {
            if (Count == 0)
            {
                return 0;
            }

            // n²·variance = n·Σx² − (Σx)², exact in integers; one square root at the end.
            var scaled = ((Int128)Count * SumOfSquares) - ((Int128)Sum * Sum);
            return Math.Round(Math.Sqrt((double)scaled) / Count / 100.0, 2, MidpointRounding.AwayFromZero);
        }
    }

    /// <summary>Minimum total.</summary>
    public double MinTotal => Hundredths.ToScore(Min);

    /// <summary>Maximum total.</summary>
    public double MaxTotal => Hundredths.ToScore(Max);

    /// <summary>Adds up shards' stats per tenant.</summary>
    public static IReadOnlyList<TenantStats> Merge(IEnumerable<TenantStats> parts)
    {
        var byTenant = new Dictionary<string, TenantStats>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            byTenant[part.Tenant] = byTenant.TryGetValue(part.Tenant, out var held) ? held.Add(part) : part;
        }

        return [.. byTenant.Values];
    }

    /// <summary>
    /// The leaderboard order: higher mean total first (compared exactly, as fractions), then more
    /// branches, then tenant id ascending (ordinal).
    /// </summary>
    public static int CompareForLeaderboard(TenantStats a, TenantStats b)
    {
        var byMean = ((Int128)b.Sum * a.Count).CompareTo((Int128)a.Sum * b.Count);
        if (byMean != 0)
        {
            return byMean;
        }

        var byCount = b.Count.CompareTo(a.Count);
        return byCount != 0 ? byCount : string.CompareOrdinal(a.Tenant, b.Tenant);
    }
}
