using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Warnings;

namespace BranchLedger.Grains.Ledger;

/// <summary>Maps a ledger's current view to the facts the obligation rules consume, and the report back.</summary>
internal static class ComplianceFacts
{
    public static ComplianceView Evaluate(LedgerNode node, IEnumerable<RecordView> current, Workflows workflows, Period period, DateOnly today)
    {
        var views = current.ToList();
        var scope = node.Kind == NodeKind.Organisation ? ObligationScope.Organisation : ObligationScope.Branch;

        // Pair coverage needs the names of the people to cover; rosters here hold counts only, so that
        // rule is left out rather than reported as missed for want of data.
        var rules = DefaultObligations.For(scope).Where(r => r.Subject.Kind != SubjectKind.TalkPairs).ToList();
        var report = Compliance.Evaluate(
            rules,
            views.SelectMany(Activities),
            node.Rosters.Select(r => new RosterFact(r.EffectiveFrom, r.Members, r.VotingMembers, r.CommitteeMembers)),
            [],
            [],
            period,
            today);
        var warnings = WarningRules.For(report, workflows.Findings.Select(f => f.Fact), workflows.Duties.Select(d => d.Fact), today);
        var sources = rules.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Last().Source);
        return new ComplianceView(
            period.ToString(),
            today,
            [.. report.Results.SelectMany(result => result.Rows.Select(row => new ObligationRowView(
                result.RuleId, result.Name, row.Period.ToString(), row.Status, row.Required, row.Counted, row.Raw,
                row.Sequences, [.. row.QuorumFailures.Select(f => f.Sequence)], sources.GetValueOrDefault(result.RuleId, ""))))],
            [.. warnings.Select(w => new WarningView(w.Kind, w.SubjectId, w.Period?.ToString() ?? "", w.DueDate, w.DaysOverdue, w.Message, w.Sequence))]);
    }

    private static IEnumerable<ActivityFact> Activities(RecordView view)
    {
        var sequence = view.Record.Sequence;
        switch (view.Current)
        {
            case MeetingDetails m:
                yield return new ActivityFact(sequence, ObligationSubject.MeetingOf(m.Kind), m.Date, m.Attendees, m.ExpectedAttendees);
                if (m.LecturedBySecretary)
                {
                    yield return new ActivityFact(sequence, ObligationSubject.SecretaryLecture, m.Date, m.Attendees, m.ExpectedAttendees);
                }

                break;
            case QuarterlyReviewDetails r:
                yield return new ActivityFact(sequence, ObligationSubject.PartyBuildingReview, r.Date, 0, 0);
                break;
        }
    }
}
