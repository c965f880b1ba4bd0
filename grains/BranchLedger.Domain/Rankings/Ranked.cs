namespace BranchLedger.Domain.Rankings;

/// <summary>An entry with its place in one ranking order (by total or by one indicator).</summary>
public readonly record struct Ranked(RankPosition Position, RankingEntry Entry);
