using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Warnings;

namespace BranchLedger.Ledger;

/// <summary>
/// Which live records a seal through a year moves, and into which year's archive. A record moves with
/// every correction of it, into the archive of the year of its current date. Duty items and findings
/// move only as whole workflows — every step and correction — and only once they are finished
/// (verified, closed) with every step dated in or before the year; otherwise they are carried forward
/// and stay live, so their workflow keeps running.
/// </summary>
public sealed class SealPlan
{
    private SealPlan(Dictionary<int, List<LedgerRecord>> moves, int carriedForward, List<string> duties, List<string> findings)
    {
        Moves = moves;
        CarriedForward = carriedForward;
        SealedDutyIds = duties;
        SealedFindingIds = findings;
    }

    /// <summary>The records to archive, by the year of the archive.</summary>
    public IReadOnlyDictionary<int, List<LedgerRecord>> Moves { get; }

    /// <summary>Records dated in or before the year that stay live.</summary>
    public int CarriedForward { get; }

    /// <summary>Duty items sealed whole.</summary>
    public IReadOnlyList<string> SealedDutyIds { get; }

    /// <summary>Findings sealed whole.</summary>
    public IReadOnlyList<string> SealedFindingIds { get; }

    /// <summary>Plans a seal of <paramref name="book"/> (the live records) through <paramref name="year"/>.</summary>
    public static SealPlan Through(int year, RecordBook book, Workflows workflows)
    {
        var groups = Groups(book);
        var byWorkflow = groups.Where(g => g.Workflow is not null).GroupBy(g => g.Workflow!).ToDictionary(g => g.Key, g => g.ToList());
        var moves = new Dictionary<int, List<LedgerRecord>>();
        var carried = 0;
        var moved = new HashSet<long>();
        foreach (var group in groups.Where(g => g.Year <= year))
        {
            if (group.Workflow is { } workflow && !(Finished(workflow, workflows) && byWorkflow[workflow].All(g => g.LastDate.Year <= year)))
            {
                carried += group.Records.Count;
                continue;
            }

            if (!moves.TryGetValue(group.Year, out var list))
            {
                moves[group.Year] = list = [];
            }

            list.AddRange(group.Records);
            moved.Add(group.Records[0].Sequence);
        }

        foreach (var list in moves.Values)
        {
            list.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        }

        var sealedWorkflows = byWorkflow.Keys.Where(w => byWorkflow[w].All(g => moved.Contains(g.Records[0].Sequence))).ToList();
        return new SealPlan(
            moves,
            carried,
            [.. sealedWorkflows.Where(w => w.Duty).Select(w => w.Id)],
            [.. sealedWorkflows.Where(w => !w.Duty).Select(w => w.Id)]);
    }

    private static bool Finished(WorkflowKey workflow, Workflows workflows) =>
        workflow.Duty
            ? !workflows.DutyStatuses.TryGetValue(workflow.Id, out var status) || status == DutyStatus.Verified
            : !workflows.FindingsClosed.TryGetValue(workflow.Id, out var closed) || closed;

    private sealed record WorkflowKey(bool Duty, string Id);

    private sealed record Group(List<LedgerRecord> Records, int Year, DateOnly LastDate, WorkflowKey? Workflow);

    // A record with its corrections and reviews; one whose target is not live (cannot happen: targets
    // are sealed with them) would form a group of its own by its own date.
    private static List<Group> Groups(RecordBook book)
    {
        var corrections = book.Records
            .Where(r => r.Body is ITargetsRecord)
            .ToLookup(r => ((ITargetsRecord)r.Body).TargetSequence);
        var groups = new List<Group>();
        foreach (var record in book.Records)
        {
            if (record.Body is ITargetsRecord c && book.BySequence(c.TargetSequence) is not null)
            {
                continue;
            }

            var view = book.ViewOf(record);
            List<LedgerRecord> members = [record, .. corrections[record.Sequence]];
            // A review is no step of a workflow: the day the office read it does not keep a finished one live.
            var last = members.Where(m => m.Body is not ReviewDetails).Max(m => m.Body.Date);
            var current = view.Current.Date > last ? view.Current.Date : last;
            groups.Add(new Group(members, book.YearOf(view), current, WorkflowOf(record.Body)));
        }

        return groups;
    }

    private static WorkflowKey? WorkflowOf(RecordBody body) => body switch
    {
        IDutyStep duty => new WorkflowKey(true, duty.Step.DutyId),
        IFindingStep finding => new WorkflowKey(false, finding.Step.FindingId),
        _ => null,
    };
}
