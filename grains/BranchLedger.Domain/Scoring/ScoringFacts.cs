using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;

namespace BranchLedger.Domain.Scoring;

/// <summary>
/// Everything a score is computed from, for one node and one period: built by the grain from the node's
/// ledger. The period and "today" are those of <see cref="Compliance"/>, so the two can never disagree.
/// Duty items, findings and records may cover any dates: the scorer picks those of the period.
/// </summary>
/// <param name="Scope">Whether the node is a branch or an organisation; decides which indicators apply.</param>
/// <param name="Compliance">The node's compliance report for the period (its own obligations only).</param>
/// <param name="DutyItems">The node's duty list.</param>
/// <param name="Findings">The node's inspection findings.</param>
/// <param name="Records">Brand projects and honours.</param>
public sealed record ScoringFacts(
    ObligationScope Scope,
    ComplianceReport Compliance,
    IReadOnlyList<ScoringDutyItem> DutyItems,
    IReadOnlyList<ScoringFinding> Findings,
    IReadOnlyList<CountedRecord> Records)
{
    /// <summary>The month, quarter or year scored.</summary>
    public Period Period => Compliance.Period;

    /// <summary>The tenant's calendar day the score is computed for.</summary>
    public DateOnly Today => Compliance.Today;
}
