using BranchLedger.Domain.Warnings;

namespace BranchLedger.Domain.Scoring;

/// <summary>An inspection finding (巡察整改) as scoring sees it.</summary>
/// <param name="Id">The finding id.</param>
/// <param name="Type">Fix-now and by-deadline findings are judged; ongoing ones (长期坚持) never are.</param>
/// <param name="Deadline">The last day to remedy it; the finding is judged in the period containing this day. Null: never judged.</param>
/// <param name="ClosedOn">
/// The date of the closure (销号) in force now; null while open — including after a re-check reopened it,
/// so a reopened finding loses the credit of its earlier closure.
/// </param>
/// <param name="Sequences">Its ledger records (finding, progress, closure, reopening).</param>
public sealed record ScoringFinding(string Id, RemediationType Type, DateOnly? Deadline, DateOnly? ClosedOn, IReadOnlyList<long> Sequences);
