using BranchLedger.Contracts.Directory;

namespace BranchLedger.Bench.Rankings;

/// <summary>
/// One branch of the bench city: where it sits, its roster (with names, so talk coverage is judged)
/// and how reliably it holds its meetings (0.5–0.97), which spreads the scores.
/// </summary>
internal sealed record BranchPlan(string Tenant, string Node, string Name, RosterFigures Roster, double Reliability);
