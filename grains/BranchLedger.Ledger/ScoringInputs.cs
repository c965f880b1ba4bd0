using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Scoring;
using BranchLedger.Domain.Warnings;

namespace BranchLedger.Ledger;

/// <summary>Maps a ledger's current view to the facts the scoring rules consume.</summary>
public static class ScoringInputs
{
    /// <summary>
    /// Every duty, finding and counted outcome of a current view: what scoring reads besides
    /// compliance. Duties and findings are folded by <see cref="Workflows"/>, the one place their steps
    /// are folded (the duty list, the findings, the warnings, the scores and the report read the same).
    /// </summary>
    public static (List<ScoringDutyItem> Duties, List<ScoringFinding> Findings, List<CountedRecord> Outcomes) WorkflowFacts(IReadOnlyList<RecordView> current)
    {
        var workflows = Workflows.Of(current);
        return (workflows.ScoringDuties(), workflows.ScoringFindings(), Outcomes(current));
    }

    private static List<CountedRecord> Outcomes(IReadOnlyList<RecordView> current) =>
    [
        .. current.Select(v => v.Current switch
        {
            BrandProjectDetails b => new CountedRecord(v.Record.Sequence, b.Family, b.Date, b.Level, b.Status == BrandStatus.Recognised),
            HonourDetails h => new CountedRecord(v.Record.Sequence, h.Family, h.Date, h.Level, true),
            _ => null,
        }).OfType<CountedRecord>(),
    ];
}
