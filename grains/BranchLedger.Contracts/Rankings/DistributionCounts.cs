using BranchLedger.Domain.Rankings;

namespace BranchLedger.Contracts.Rankings;

/// <summary>A shard's scores as exact counts per value (<see cref="ScoreCounts"/>), so shards merge exactly.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.rankings.DistributionCounts")]
public sealed record DistributionCounts(
    [property: Id(0)] IReadOnlyList<long> Values,
    [property: Id(1)] IReadOnlyList<int> Counts,
    [property: Id(2)] long Scale)
{
    /// <summary>The domain counts.</summary>
    public ScoreCounts ToCounts() => new(Values, Counts, Scale);

    /// <summary>The wire form of domain counts.</summary>
    public static DistributionCounts Of(ScoreCounts counts) => new(counts.Values, counts.Counts, counts.Scale);
}
