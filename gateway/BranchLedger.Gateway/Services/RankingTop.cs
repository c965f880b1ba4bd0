using BranchLedger.Contracts.Rankings;

namespace BranchLedger.Gateway.Services;

/// <summary>A merged page of a ranking.</summary>
/// <param name="Rows">The rows with their 1-based ranks, in order.</param>
/// <param name="HasMore">True when rows follow the last one.</param>
/// <param name="RankedCount">Branches in the ranking (before any name filter).</param>
/// <param name="Versions">Each shard's change counter as read.</param>
internal sealed record RankingTop(
    IReadOnlyList<(RankingRow Row, long Rank)> Rows, bool HasMore, long RankedCount, IReadOnlyList<long> Versions);
