namespace BranchLedger.Domain.Rankings;

/// <summary>Who an entry of a ranking is: a node of a tenant. A ranking holds at most one entry per key.</summary>
public readonly record struct RankingKey(string Tenant, string NodeId);
