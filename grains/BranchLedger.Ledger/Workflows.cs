using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Scoring;
using BranchLedger.Domain.Warnings;

namespace BranchLedger.Ledger;

/// <summary>
/// The duty list and the findings as they stand, rebuilt from the ledger's current view (void records
/// left out, amended ones as amended). Derived, never stored: the records are the only truth.
/// </summary>
public sealed class Workflows
{
    private readonly Dictionary<string, DutyItemView> _duties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FindingView> _findings = new(StringComparer.Ordinal);

    private readonly Dictionary<string, DutyStatus> _dutyStatuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _findingsClosed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _findingPeople = new(StringComparer.Ordinal);

    // What scores and reports read besides the views: the day a duty was first done (a verification
    // implies it was done) and the records of each duty and finding.
    private readonly Dictionary<string, (DateOnly? DoneOn, IReadOnlyList<long> Sequences)> _dutyFacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<long>> _findingSequences = new(StringComparer.Ordinal);

    /// <summary>The workflows of <paramref name="current"/> (a current view, in ledger order).</summary>
    public static Workflows Of(IEnumerable<RecordView> current)
    {
        var workflows = new Workflows();
        foreach (var view in current)
        {
            workflows.Apply(view.Record.Sequence, view.Current, view.Record.RecordedBy);
        }

        return workflows;
    }

    /// <summary>A copy that moves on its own (a batch's scratch workflows), without folding the ledger again.</summary>
    public Workflows Copy()
    {
        var copy = new Workflows();
        foreach (var (id, duty) in _duties)
        {
            copy._duties[id] = duty;
        }

        foreach (var (id, finding) in _findings)
        {
            copy._findings[id] = finding;
        }

        foreach (var (id, status) in _dutyStatuses)
        {
            copy._dutyStatuses[id] = status;
        }

        foreach (var (id, closed) in _findingsClosed)
        {
            copy._findingsClosed[id] = closed;
        }

        foreach (var (id, people) in _findingPeople)
        {
            copy._findingPeople[id] = new HashSet<string>(people, people.Comparer);
        }

        // Their lists are replaced, never changed, on every step: sharing them is safe.
        foreach (var (id, facts) in _dutyFacts)
        {
            copy._dutyFacts[id] = facts;
        }

        foreach (var (id, sequences) in _findingSequences)
        {
            copy._findingSequences[id] = sequences;
        }

        return copy;
    }

    public IReadOnlyDictionary<string, DutyStatus> DutyStatuses => _dutyStatuses;

    public IReadOnlyDictionary<string, bool> FindingsClosed => _findingsClosed;

    /// <summary>Who raised the finding or recorded its progress: none of them may close it.</summary>
    public IReadOnlyCollection<string> InvolvedIn(string findingId) =>
        _findingPeople.TryGetValue(findingId, out var people) ? people : [];

    public IReadOnlyList<DutyItemView> Duties => [.. _duties.Values.OrderBy(d => d.Sequence)];

    public IReadOnlyList<FindingView> Findings => [.. _findings.Values.OrderBy(f => f.Sequence)];

    /// <summary>The duty list as scoring reads it: due day, the day first done, its records.</summary>
    public List<ScoringDutyItem> ScoringDuties() =>
        [.. _duties.Values.OrderBy(d => d.Sequence).Select(d => new ScoringDutyItem(d.Item.DutyId, d.Item.Due, _dutyFacts[d.Item.DutyId].DoneOn, _dutyFacts[d.Item.DutyId].Sequences))];

    /// <summary>The findings as scoring reads them: type, deadline, the closure in force, their records.</summary>
    public List<ScoringFinding> ScoringFindings() =>
        [.. _findings.Values.OrderBy(f => f.Sequence).Select(f => new ScoringFinding(f.Finding.FindingId, f.Finding.Type, f.Finding.Deadline, f.ClosedOn, _findingSequences[f.Finding.FindingId]))];

    /// <summary>
    /// Applies one record of the current view, in ledger order, recorded by <paramref name="recordedBy"/>;
    /// steps the rules refuse are ignored. Closures recorded before the four-eyes rule existed are
    /// history and still count: the rule is checked on the write path only.
    /// </summary>
    public void Apply(long sequence, RecordBody body, string recordedBy)
    {
        switch (body)
        {
            case IDutyStep duty when DutyWorkflow.Refusal(DutyStatuses, duty.Step) is null:
                ApplyDuty(sequence, body);
                break;
            case IFindingStep finding when FindingWorkflow.Refusal(FindingsClosed, finding.Step) is null:
                FindingWorkflow.Involve(_findingPeople, finding.Step, recordedBy);
                ApplyFinding(sequence, body);
                break;
        }
    }

    private void ApplyDuty(long sequence, RecordBody body)
    {
        _dutyStatuses[((IDutyStep)body).Step.DutyId] = (body as DutyProgressDetails)?.Status ?? DutyStatus.Planned;
        switch (body)
        {
            case DutyItemDetails item:
                _duties[item.DutyId] = new DutyItemView(sequence, item, DutyStatus.Planned, null, "");
                _dutyFacts[item.DutyId] = (null, [sequence]);
                break;
            case DutyProgressDetails progress:
                var (doneOn, sequences) = _dutyFacts[progress.DutyId];
                _dutyFacts[progress.DutyId] = (doneOn ?? (progress.Status is DutyStatus.Done or DutyStatus.Verified ? progress.Date : null), [.. sequences, sequence]);
                _duties[progress.DutyId] = _duties[progress.DutyId] with
                {
                    Status = progress.Status,
                    StatusDate = progress.Date,
                    Verifier = progress.Verifier,
                };
                break;
        }
    }

    private void ApplyFinding(long sequence, RecordBody body)
    {
        var step = ((IFindingStep)body).Step;
        _findingsClosed[step.FindingId] = step.Action switch
        {
            FindingWorkflow.FindingAction.Close => true,
            FindingWorkflow.FindingAction.Progress => _findingsClosed[step.FindingId],
            _ => false,
        };
        _findingSequences[step.FindingId] = body is FindingDetails ? [sequence] : [.. _findingSequences[step.FindingId], sequence];
        switch (body)
        {
            case FindingDetails raised:
                _findings[raised.FindingId] = new FindingView(sequence, raised, false, [], "", null, 0);
                break;
            case FindingProgressDetails progress:
                var current = _findings[progress.FindingId];
                _findings[progress.FindingId] = current with { Progress = [.. current.Progress, progress.Progress] };
                break;
            case FindingClosureDetails closure:
                _findings[closure.FindingId] = _findings[closure.FindingId] with
                {
                    Closed = true,
                    Verifier = closure.Verifier,
                    ClosedOn = closure.Date,
                };
                break;
            case FindingReopeningDetails reopening:
                var closed = _findings[reopening.FindingId];
                _findings[reopening.FindingId] = closed with { Closed = false, ClosedOn = null, Reopened = closed.Reopened + 1 };
                break;
        }
    }
}
