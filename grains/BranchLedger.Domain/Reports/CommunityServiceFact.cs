using BranchLedger.Domain.Ledger;

namespace BranchLedger.Domain.Reports;

/// <summary>A current community-service record.</summary>
/// <param name="NodeId">The node whose ledger holds it.</param>
/// <param name="Sequence">Its sequence number there.</param>
/// <param name="Kind">Members reporting to their community, or a service session.</param>
/// <param name="Members">How many members took part (≥ 0).</param>
/// <param name="Date">The day recorded.</param>
public sealed record CommunityServiceFact(string NodeId, long Sequence, CommunityServiceKind Kind, int Members, DateOnly Date);
