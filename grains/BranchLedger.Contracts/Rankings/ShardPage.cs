namespace BranchLedger.Contracts.Rankings;

/// <summary>A page of one shard's ranking.</summary>
/// <param name="Rows">The rows, in ranking order.</param>
/// <param name="Skipped">How many of the shard's entries rank ahead of or at the cursor: summed over
/// the shards this is the number of branches ahead of the page, so ranks need no offset in the token.</param>
/// <param name="Count">Entries in the shard's ranking (before any name filter).</param>
/// <param name="Version">The shard's change counter when the page was read.</param>
[GenerateSerializer, Immutable, Alias("branchledger.rankings.ShardPage")]
public sealed record ShardPage(
    [property: Id(0)] IReadOnlyList<RankingRow> Rows,
    [property: Id(1)] int Skipped,
    [property: Id(2)] int Count,
    [property: Id(3)] long Version);
