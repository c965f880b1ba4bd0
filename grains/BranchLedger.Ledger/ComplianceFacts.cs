using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Warnings;

namespace BranchLedger.Ledger;

/// <summary>Maps a ledger's current view to the facts the obligation rules consume, and the report back.</summary>
public static class ComplianceFacts
{
    /// <summary>The obligation rules of the node's level, with the tenant's overrides merged in.</summary>
    public static IReadOnlyList<ObligationRule> Rules(LedgerNode node) => TenantObligationRules.For(
        node.Kind == NodeKind.Organisation ? ObligationScope.Organisation : ObligationScope.Branch,
        [.. node.ObligationOverrides.Select(o => o.ToDomain())]);

    /// <summary>The day the node came into force: its earliest roster (<see cref="UnitInForce"/>); null without one.</summary>
    public static DateOnly? InForceFrom(LedgerNode node) => UnitInForce.From(node.Rosters.Select(r => r.EffectiveFrom));

    /// <summary>
    /// The domain's compliance report for the node over <paramref name="views"/> (the current view): the one
    /// place compliance, scores and report figures are judged, so the node's start (its earliest roster,
    /// <see cref="UnitInForce"/>) bears on all three alike.
    /// </summary>
    public static ComplianceReport Report(LedgerNode node, IReadOnlyList<RecordView> views, Period period, DateOnly today, IReadOnlyList<ObligationRule>? rules = null) =>
        Report(node, DatedOf(views), period, today, rules);

    /// <summary>The compliance report over facts already drawn from the current view (<see cref="DatedOf"/>).</summary>
    public static ComplianceReport Report(LedgerNode node, DatedFacts dated, Period period, DateOnly today, IReadOnlyList<ObligationRule>? rules = null)
    {
        rules ??= Rules(node);
        return WithoutUnnamedTalkPeriods(Judged(node, dated, period, today, rules), TalkRules(rules), node.Rosters);
    }

    /// <summary>
    /// A whole year judged once, to draw the reports of its months and quarters from with
    /// <see cref="Narrowed"/> (a rebuild scores 17 periods of a year; judging each alone judged every
    /// monthly row three times and every yearly one seventeen).
    /// </summary>
    public static ComplianceReport YearJudged(LedgerNode node, DatedFacts dated, int year, DateOnly today, IReadOnlyList<ObligationRule> rules) =>
        Judged(node, dated, Period.Year(year), today, rules);

    /// <summary>The report of <paramref name="period"/> (within <paramref name="year"/>'s year): the same as <see cref="Report(LedgerNode, DatedFacts, Period, DateOnly, IReadOnlyList{ObligationRule}?)"/>.</summary>
    public static ComplianceReport Narrowed(LedgerNode node, ComplianceReport year, Period period, IReadOnlyList<ObligationRule> rules) =>
        WithoutUnnamedTalkPeriods(year.Narrowed(period), TalkRules(rules), node.Rosters);

    // Every roster becomes a talk roster, named or not, so the one in force on a day is the same
    // roster quorums use; periods whose roster has no names are dropped afterwards (WithoutUnnamedTalkPeriods).
    private static ComplianceReport Judged(LedgerNode node, DatedFacts dated, Period period, DateOnly today, IReadOnlyList<ObligationRule> rules) =>
        Compliance.Evaluate(
            rules,
            dated,
            node.Rosters.Select(r => new RosterFact(r.EffectiveFrom, r.Members, r.VotingMembers, r.CommitteeMembers)),
            node.Rosters.Select(r => new TalkRosterFact(r.EffectiveFrom, r.CommitteeNames, r.MemberNames)),
            period,
            today,
            InForceFrom(node));

    private static HashSet<string> TalkRules(IReadOnlyList<ObligationRule> rules) =>
        rules.Where(r => r.Subject.Kind == SubjectKind.TalkPairs).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>The report as the API shows it, with the warnings as of <paramref name="today"/>.</summary>
    public static ComplianceView Evaluate(LedgerNode node, IEnumerable<RecordView> current, Workflows workflows, Period period, DateOnly today)
    {
        var rules = Rules(node);
        var report = Report(node, [.. current], period, today, rules);
        var warnings = WarningRules.For(report, workflows.Findings.Select(f => f.Fact), workflows.Duties.Select(d => d.Fact), today);

        // A row shows the source of the version that judged it (an override's, where one did); a row
        // no version judged shows the rule's latest source.
        var latest = rules.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Last().Source);
        return new ComplianceView(
            period.ToString(),
            today,
            [.. report.Results.SelectMany(result => result.Rows.Select(row => new ObligationRowView(
                result.RuleId, result.Name, row.Period.ToString(), row.Status, row.Required, row.Counted, row.Raw,
                row.Sequences, [.. row.QuorumFailures.Select(f => f.Sequence)], row.Rule?.Source ?? latest.GetValueOrDefault(result.RuleId, ""))))],
            [.. warnings.Select(w => new WarningView(w.Kind, w.SubjectId, w.Period?.ToString() ?? "", w.DueDate, w.DaysOverdue, w.Message, w.Sequence))]);
    }

    /// <summary>
    /// 谈心谈话 pair coverage needs the names of the people to cover. A period of that rule is judged only
    /// when the roster in force on its last day (the day that decides which pairs are owed) names them;
    /// other periods are left out rather than reported as missed for want of data, and the rule is left
    /// out entirely when no period remains.
    /// </summary>
    private static ComplianceReport WithoutUnnamedTalkPeriods(
        ComplianceReport report, HashSet<string> talkRules, IReadOnlyList<RosterFigures> rosters)
    {
        var results = new List<ObligationResult>();
        foreach (var result in report.Results)
        {
            if (!talkRules.Contains(result.RuleId))
            {
                results.Add(result);
                continue;
            }

            var rows = result.Rows
                .Where(r => RosterRules.InEffectOn(rosters, x => x.EffectiveFrom, r.Period.End) is { HasNames: true })
                .ToList();
            if (rows.Count > 0)
            {
                results.Add(result with { Rows = rows, Summary = ObligationSummary.Of(rows) });
            }
        }

        return report with { Results = results };
    }

    /// <summary>The dated facts compliance reads from <paramref name="views"/> (a current view).</summary>
    public static DatedFacts DatedOf(IEnumerable<RecordView> views)
    {
        var list = views as IReadOnlyList<RecordView> ?? [.. views];
        return DatedFacts.Of(list.SelectMany(Activities), list.SelectMany(HeartToHeartTalks));
    }

    /// <summary>Adds what one more view of the current view (a new record) brings to <paramref name="dated"/>.</summary>
    public static void AddTo(DatedFacts dated, RecordView view)
    {
        foreach (var activity in Activities(view))
        {
            dated.Add(activity);
        }

        foreach (var talk in HeartToHeartTalks(view))
        {
            dated.Add(talk);
        }
    }

    private static IEnumerable<TalkPairFact> HeartToHeartTalks(RecordView view)
    {
        if (view.Current is TalkDetails { Kind: TalkKind.HeartToHeart } talk)
        {
            yield return new TalkPairFact(view.Record.Sequence, talk.Date, talk.PersonA, talk.PersonB);
        }
    }

    private static IEnumerable<ActivityFact> Activities(RecordView view)
    {
        var sequence = view.Record.Sequence;
        switch (view.Current)
        {
            case MeetingDetails m:
                yield return new ActivityFact(sequence, ObligationSubject.MeetingOf(m.Kind), m.Date, m.Attendees, m.ExpectedAttendees);
                // An invited lecture by the party-group secretary is never the branch secretary's own.
                if (m.LecturedBySecretary && !m.LecturedByPartyGroupSecretary)
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
