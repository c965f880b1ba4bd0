namespace BranchLedger.Domain.Rankings;

/// <summary>
/// Who a ranking entry ranks. A branch has an entry in every ranking it is scored in (some 66: two
/// years of periods, city and tenant), and those can share one card instead of four strings each.
/// </summary>
/// <param name="Tenant">The tenant id.</param>
/// <param name="NodeId">The branch's node id.</param>
/// <param name="DisplayName">The branch's name, for search and display.</param>
/// <param name="ParentId">The organisation above it; empty at the root.</param>
public sealed record BranchCard(string Tenant, string NodeId, string DisplayName, string ParentId);
