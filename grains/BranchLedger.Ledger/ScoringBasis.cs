using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Scoring;

namespace BranchLedger.Ledger;

/// <summary>
/// What a ledger's scores are computed from, drawn from its current view once and kept as records
/// arrive: the dated facts compliance reads, and the duties, findings and counted outcomes scoring
/// reads. Scoring six periods after a write then reads these instead of drawing them from every record
/// six times (the cost that made up most of a write's CPU); a correction or review starts it afresh.
/// </summary>
public sealed class ScoringBasis
{
    private readonly List<RecordView> _current;
    private readonly DatedFacts _dated;
    private (List<ScoringDutyItem> Duties, List<ScoringFinding> Findings, List<CountedRecord> Outcomes)? _workflowFacts;

    private ScoringBasis(List<RecordView> current)
    {
        _current = current;
        _dated = ComplianceFacts.DatedOf(current);
    }

    /// <summary>The basis of a current view (<see cref="RecordBook.Current"/>).</summary>
    public static ScoringBasis Of(IEnumerable<RecordView> current) => new([.. current]);

    /// <summary>The current view it was drawn from, in sequence order.</summary>
    public IReadOnlyList<RecordView> Current => _current;

    /// <summary>Takes in the view of a new original record (never a correction or review), the last of the current view.</summary>
    public void Append(RecordView view)
    {
        _current.Add(view);
        ComplianceFacts.AddTo(_dated, view);
        if (view.Current is DutyItemDetails or DutyProgressDetails or FindingDetails or IFindingStep or BrandProjectDetails or HonourDetails)
        {
            _workflowFacts = null;
        }
    }

    /// <summary>What <see cref="ScoreInputs"/> keeps of it: the dated facts, and the duties, findings and outcomes.</summary>
    public (DatedFacts Dated, List<ScoringDutyItem> Duties, List<ScoringFinding> Findings, List<CountedRecord> Outcomes) Inputs()
    {
        var (duties, findings, outcomes) = _workflowFacts ??= ScoringInputs.WorkflowFacts(_current);
        return (_dated, duties, findings, outcomes);
    }

    /// <summary>
    /// The sheets of <paramref name="periods"/> (all of this basis's book) under each rubric, for the
    /// periods the node was in force in: each year judged once (<see cref="RankedReports"/>), however
    /// many of its periods and rubrics a push scores.
    /// </summary>
    public IEnumerable<(int Rubric, ScoreSheet Sheet)> ScoreRanked(
        LedgerNode node, IReadOnlyList<ObligationRule> rules, IReadOnlyList<Rubric> rubrics, IEnumerable<Period> periods, DateOnly today)
    {
        var scope = node.Kind == NodeKind.Organisation ? ObligationScope.Organisation : ObligationScope.Branch;
        var (duties, findings, outcomes) = _workflowFacts ??= ScoringInputs.WorkflowFacts(_current);
        foreach (var (_, report) in RankedReports.Of(node, rules, _dated, periods, today))
        {
            for (var i = 0; i < rubrics.Count; i++)
            {
                yield return (i, Scorer.Score(rubrics[i], new ScoringFacts(scope, report, duties, findings, outcomes)));
            }
        }
    }

    /// <summary>The node's score sheet for <paramref name="period"/> with <paramref name="rules"/> (<see cref="ComplianceFacts.Rules"/>).</summary>
    public ScoreSheet Score(LedgerNode node, IReadOnlyList<ObligationRule> rules, Rubric rubric, Period period, DateOnly today)
    {
        var scope = node.Kind == NodeKind.Organisation ? ObligationScope.Organisation : ObligationScope.Branch;
        var report = ComplianceFacts.Report(node, _dated, period, today, rules);
        var (duties, findings, outcomes) = _workflowFacts ??= ScoringInputs.WorkflowFacts(_current);
        return Scorer.Score(rubric, new ScoringFacts(scope, report, duties, findings, outcomes));
    }
}
