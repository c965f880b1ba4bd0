using BranchLedger.Domain.Ledger;

namespace BranchLedger.Domain.Reports;

/// <summary>A current community-service record.</summary>
/// <param name="NodeId">The node whose ledger holds it.</param>
/// <param name="Sequence">Its sequence number there.</param>
/// <param name="Kind">Members reporting to their community, or a service session.</param>
/// <param name="Members">How many members took part (≥ 0).</param>
/// <param name="Date">The day recorded.</param>
/// <param name="RosterSize">Members reporting: the in-service members on the roster (0 when not given).</param>
/// <param name="Topic">What it was, named in the report (参与…等工作).</param>
public sealed record CommunityServiceFact(string NodeId, long Sequence, CommunityServiceKind Kind, int Members, DateOnly Date, int RosterSize = 0, string Topic = "");
