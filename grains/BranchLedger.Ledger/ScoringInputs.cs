using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Scoring;
using BranchLedger.Domain.Warnings;

namespace BranchLedger.Ledger;

/// <summary>Maps a ledger's current view to the facts the scoring rules consume.</summary>
public static class ScoringInputs
{
    /// <summary>Every duty, finding and counted outcome of a current view: what scoring reads besides compliance.</summary>
    public static (List<ScoringDutyItem> Duties, List<ScoringFinding> Findings, List<CountedRecord> Outcomes) WorkflowFacts(IReadOnlyList<RecordView> current) =>
        (Duties(current), Findings(current), Outcomes(current));

    // A duty is done on the day of its first "done" step in force (a verification implies it was done).
    internal static List<ScoringDutyItem> Duties(IReadOnlyList<RecordView> current)
    {
        var items = new Dictionary<string, (DutyItemDetails Item, DateOnly? DoneOn, List<long> Sequences)>(StringComparer.Ordinal);
        foreach (var view in current)
        {
            switch (view.Current)
            {
                case DutyItemDetails item:
                    items[item.DutyId] = (item, null, [view.Record.Sequence]);
                    break;
                case DutyProgressDetails step when items.TryGetValue(step.DutyId, out var known):
                    known.Sequences.Add(view.Record.Sequence);
                    var done = step.Status is DutyStatus.Done or DutyStatus.Verified && known.DoneOn is null ? step.Date : known.DoneOn;
                    items[step.DutyId] = known with { DoneOn = done };
                    break;
            }
        }

        return [.. items.Values.Select(d => new ScoringDutyItem(d.Item.DutyId, d.Item.Due, d.DoneOn, d.Sequences))];
    }

    // A finding's closure in force: the latest closure, unless a re-check reopened it since.
    private static List<ScoringFinding> Findings(IReadOnlyList<RecordView> current)
    {
        var findings = new Dictionary<string, (FindingDetails Finding, DateOnly? ClosedOn, List<long> Sequences)>(StringComparer.Ordinal);
        foreach (var view in current)
        {
            if (view.Current is FindingDetails raised)
            {
                findings[raised.FindingId] = (raised, null, [view.Record.Sequence]);
                continue;
            }

            if (view.Current is not IFindingStep step || !findings.TryGetValue(step.Step.FindingId, out var known))
            {
                continue;
            }

            known.Sequences.Add(view.Record.Sequence);
            findings[step.Step.FindingId] = view.Current switch
            {
                FindingClosureDetails closure => known with { ClosedOn = closure.Date },
                FindingReopeningDetails => known with { ClosedOn = null },
                _ => known,
            };
        }

        return [.. findings.Values.Select(f => new ScoringFinding(f.Finding.FindingId, f.Finding.Type, f.Finding.Deadline, f.ClosedOn, f.Sequences))];
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
