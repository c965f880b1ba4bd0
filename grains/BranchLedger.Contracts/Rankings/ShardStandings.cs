using BranchLedger.Domain.Rankings;

namespace BranchLedger.Contracts.Rankings;

/// <summary>Where each probe stands in one shard's ranking (see <see cref="Standing"/>).</summary>
[GenerateSerializer, Immutable, Alias("branchledger.rankings.ShardStandings")]
public sealed record ShardStandings(
    [property: Id(0)] IReadOnlyList<int> Before,
    [property: Id(1)] IReadOnlyList<int> Lower,
    [property: Id(2)] int Count)
{
    /// <summary>The standing of probe <paramref name="i"/>.</summary>
    public Standing At(int i) => new(Before[i], Lower[i], Count);
}
