using BranchLedger.Domain.Rankings;

namespace BranchLedger.Contracts.Rankings;

/// <summary>One tenant's totals in one shard, summed up (<see cref="TenantStats"/>, hundredths).</summary>
[GenerateSerializer, Immutable, Alias("branchledger.rankings.TenantAggregate")]
public sealed record TenantAggregate(
    [property: Id(0)] string Tenant,
    [property: Id(1)] int Count,
    [property: Id(2)] long Sum,
    [property: Id(3)] long SumOfSquares,
    [property: Id(4)] long Min,
    [property: Id(5)] long Max)
{
    /// <summary>The domain stats.</summary>
    public TenantStats ToStats() => new(Tenant, Count, Sum, SumOfSquares, Min, Max);

    /// <summary>The wire form of domain stats.</summary>
    public static TenantAggregate Of(TenantStats s) => new(s.Tenant, s.Count, s.Sum, s.SumOfSquares, s.Min, s.Max);
}
