using BranchLedger.Domain.Periods;

namespace BranchLedger.Domain.Obligations;

/// <summary>
/// Computes which obligations a unit met, missed or still has due — from records, never from figures
/// typed in. Pure: the same facts and the same day always give the same report.
/// </summary>
public static class Compliance
{
    /// <summary>
    /// Evaluates <paramref name="rules"/> (e.g. from <see cref="ObligationOverrides.Apply"/>, filtered to
    /// the unit's <see cref="ObligationScope"/>) over <paramref name="period"/> as of <paramref name="today"/>.
    /// </summary>
    /// <remarks>
    /// <para>Rows: one per period of the rule's frequency that overlaps <paramref name="period"/> — the
    /// 12 months of a year for a monthly rule, or, for a rule coarser than the period asked about, the one
    /// quarter or year containing it.</para>
    /// <para>Partial effect: a period is judged by the rule version in force on its <b>last day</b>, and
    /// then every record in the whole period counts. Obligations are judged when a period closes, under
    /// the rules in force at that moment; a rule that takes effect mid-month therefore binds that month,
    /// and a rule repealed mid-month no longer binds it. Periods with no version in force on their last
    /// day are NotInForce (listed once per frequency the rule has had).</para>
    /// <para>The unit's own start: when <paramref name="inForceFrom"/> is given, a period that began before it
    /// is NotInForce too, unless the unit came into force during it and the period is already Met (see
    /// <see cref="UnitInForce"/>).</para>
    /// <para>Quorum: a meeting counts only if present ≥ the rule's required number, computed from the
    /// roster in force on the meeting day (or the record's expected attendees). A basis that is unknown
    /// or zero fails: missing data never earns compliance.</para>
    /// </remarks>
    /// <param name="rules">Rule versions; versions sharing an id must not overlap in time.</param>
    /// <param name="activities">Meetings, lectures and reviews (voided records left out).</param>
    /// <param name="rosters">Roster sizes over time, for quorums.</param>
    /// <param name="talkPairs">Heart-to-heart talks.</param>
    /// <param name="talkRosters">Who must talk with whom over time, for pair coverage.</param>
    /// <param name="period">The month, quarter or year asked about.</param>
    /// <param name="today">The tenant's calendar day (<see cref="TenantCalendar.Today"/>): periods after it are still Due.</param>
    /// <param name="inForceFrom">The day the unit came into force (<see cref="UnitInForce.From"/>); null when no start is known.</param>
    /// <exception cref="ArgumentException">when a rule is malformed or two versions of one rule overlap.</exception>
    public static ComplianceReport Evaluate(
        IEnumerable<ObligationRule> rules,
        IEnumerable<ActivityFact> activities,
        IEnumerable<RosterFact> rosters,
        IEnumerable<TalkPairFact> talkPairs,
        IEnumerable<TalkRosterFact> talkRosters,
        Period period,
        DateOnly today,
        DateOnly? inForceFrom = null) =>
        Evaluate(rules, DatedFacts.Of(activities, talkPairs), rosters, talkRosters, period, today, inForceFrom);

    /// <summary>
    /// <see cref="Evaluate(IEnumerable{ObligationRule}, IEnumerable{ActivityFact}, IEnumerable{RosterFact}, IEnumerable{TalkPairFact}, IEnumerable{TalkRosterFact}, Period, DateOnly, DateOnly?)"/>
    /// over facts already in date order (<see cref="DatedFacts"/>), which a ledger keeps between writes.
    /// </summary>
    public static ComplianceReport Evaluate(
        IEnumerable<ObligationRule> rules,
        DatedFacts dated,
        IEnumerable<RosterFact> rosters,
        IEnumerable<TalkRosterFact> talkRosters,
        Period period,
        DateOnly today,
        DateOnly? inForceFrom = null)
    {
        var groups = GroupVersions(rules);
        // Activities and talks in (date, sequence) order, so each (rule, period) reads its days' facts
        // by binary search instead of scanning the whole ledger: a year of monthly rules no longer
        // costs rules × 12 × records.
        var facts = new Facts(
            dated.Activities,
            rosters.OrderBy(r => r.EffectiveFrom).ToList(),
            dated.Talks,
            talkRosters.OrderBy(r => r.EffectiveFrom).ToList());

        var results = new List<ObligationResult>();
        foreach (var versions in groups)
        {
            var rows = Rows(versions, facts, period, today, inForceFrom);
            var summary = new ObligationSummary(
                rows.Count(r => r.Status != ObligationStatus.NotInForce),
                rows.Count(r => r.Status == ObligationStatus.Met),
                rows.Count(r => r.Status == ObligationStatus.Missed),
                rows.Count(r => r.Status == ObligationStatus.Due));
            results.Add(new ObligationResult(versions[0].Id, versions[0].Name, rows, summary));
        }

        return new ComplianceReport(period, today, results);
    }

    private sealed record Facts(
        IReadOnlyList<ActivityFact> Activities, List<RosterFact> Rosters, IReadOnlyList<TalkPairFact> Talks, List<TalkRosterFact> TalkRosters);

    private static List<List<ObligationRule>> GroupVersions(IEnumerable<ObligationRule> rules)
    {
        var groups = new List<List<ObligationRule>>();
        foreach (var rule in rules)
        {
            if (rule.Problem() is { } problem)
            {
                throw new ArgumentException(problem, nameof(rules));
            }

            var group = groups.Find(g => g[0].Id == rule.Id);
            if (group is null)
            {
                groups.Add([rule]);
                continue;
            }

            if (group.Any(v => v.Overlaps(rule.EffectiveFrom, rule.EffectiveTo)))
            {
                throw new ArgumentException($"two versions of rule '{rule.Id}' are in force on the same day", nameof(rules));
            }

            group.Add(rule);
        }

        return groups;
    }

    private static List<ObligationRow> Rows(List<ObligationRule> versions, Facts facts, Period period, DateOnly today, DateOnly? inForceFrom)
    {
        var rows = new List<ObligationRow>();
        foreach (var frequency in versions.Select(v => v.Frequency).Distinct())
        {
            foreach (var sub in PeriodsOf(period, frequency.PeriodKind()))
            {
                var rule = versions.Find(v => v.InForceOn(sub.End));
                if (rule is null)
                {
                    rows.Add(NotInForce(sub));
                }
                else if (rule.Frequency == frequency)
                {
                    // A period of another frequency is judged by the version of that frequency instead.
                    rows.Add(JudgeInForce(rule, sub, facts, today, UnitInForce.Coverage(sub, inForceFrom)));
                }
            }
        }

        return rows.OrderBy(r => r.Period.Start).ThenBy(r => r.Period.End).ToList();
    }

    // A period the unit covered only in part counts when already met, and is never held against it.
    private static ObligationRow JudgeInForce(ObligationRule rule, Period sub, Facts facts, DateOnly today, PeriodCoverage coverage)
    {
        if (coverage == PeriodCoverage.None)
        {
            return NotInForce(sub);
        }

        var row = rule.Subject.Kind == SubjectKind.TalkPairs ? JudgeTalks(rule, sub, facts, today) : JudgeActivities(rule, sub, facts, today);
        return coverage == PeriodCoverage.Partial && row.Status != ObligationStatus.Met ? NotInForce(sub) : row;
    }

    private static ObligationRow NotInForce(Period sub) => new(sub, null, ObligationStatus.NotInForce, 0, 0, 0, [], [], []);

    private static IReadOnlyList<Period> PeriodsOf(Period period, PeriodKind kind) =>
        kind <= period.Kind ? period.SubPeriods(kind) : [Period.Containing(period.Start, kind)];

    private static ObligationRow JudgeActivities(ObligationRule rule, Period sub, Facts facts, DateOnly today)
    {
        var counted = new List<long>();
        var failures = new List<QuorumFailure>();
        var candidates = Within(facts.Activities, a => a.Date, sub).Where(a => a.Subject.CountsFor(rule.Subject));
        var last = long.MinValue;
        foreach (var activity in candidates)
        {
            // One record mapped to two subjects (a secretary's lecture is also a lecture) counts once;
            // its facts share date and sequence, so in (date, sequence) order they are neighbours.
            if (activity.Sequence == last)
            {
                continue;
            }

            last = activity.Sequence;

            if (rule.Quorum is { } quorum && QuorumFailureOf(quorum, activity, facts.Rosters) is { } failure)
            {
                failures.Add(failure);
            }
            else
            {
                counted.Add(activity.Sequence);
            }
        }

        var status = Status(counted.Count >= rule.MinCount, sub, today);
        return new ObligationRow(
            sub, rule, status, rule.MinCount, Math.Min(counted.Count, rule.MinCount), counted.Count, counted, failures, []);
    }

    private static QuorumFailure? QuorumFailureOf(QuorumRule quorum, ActivityFact activity, List<RosterFact> rosters)
    {
        int? basis = quorum.Basis switch
        {
            QuorumBasis.ExpectedAttendees => activity.ExpectedAttendees,
            _ => InForce(rosters, r => r.EffectiveFrom, activity.Date) is { } roster
                ? quorum.Basis switch
                {
                    QuorumBasis.VotingMembers => roster.VotingMembers,
                    QuorumBasis.CommitteeMembers => roster.CommitteeMembers,
                    _ => roster.Members,
                }
                : null,
        };

        if (basis is not > 0)
        {
            return new QuorumFailure(activity.Sequence, activity.Date, quorum, null, null, activity.Attendees);
        }

        var required = quorum.RequiredPresent(basis.Value);
        return activity.Attendees >= required
            ? null
            : new QuorumFailure(activity.Sequence, activity.Date, quorum, basis, required, activity.Attendees);
    }

    private static ObligationRow JudgeTalks(ObligationRule rule, Period sub, Facts facts, DateOnly today)
    {
        var roster = InForce(facts.TalkRosters, r => r.EffectiveFrom, sub.End);
        var required = roster?.RequiredPairs() ?? [];
        var talks = required.ToDictionary(p => p, _ => 0);
        var seen = new HashSet<long>();
        var sequences = new List<long>();
        foreach (var talk in Within(facts.Talks, t => t.Date, sub))
        {
            var pair = TalkPair.Of(talk.PersonA, talk.PersonB);
            if (seen.Add(talk.Sequence) && talks.TryGetValue(pair, out var count))
            {
                talks[pair] = count + 1;
                sequences.Add(talk.Sequence);
            }
        }

        var missing = required.Where(p => talks[p] < rule.MinCount).ToList();
        var covered = required.Count - missing.Count;

        // Without a list of people nobody can say which pairs were owed, so the period is not met.
        var status = Status(roster is not null && missing.Count == 0, sub, today);
        return new ObligationRow(sub, rule, status, required.Count, covered, covered, sequences, [], missing);
    }

    // The facts dated in the period, in the list's (date, sequence) order.
    private static IEnumerable<T> Within<T>(IReadOnlyList<T> sortedByDate, Func<T, DateOnly> date, Period sub)
    {
        var (start, end) = (sub.Start, sub.End);
        int low = 0, high = sortedByDate.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (date(sortedByDate[mid]) < start)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        for (var i = low; i < sortedByDate.Count && date(sortedByDate[i]) <= end; i++)
        {
            yield return sortedByDate[i];
        }
    }

    private static ObligationStatus Status(bool met, Period sub, DateOnly today) =>
        met ? ObligationStatus.Met : sub.IsClosed(today) ? ObligationStatus.Missed : ObligationStatus.Due;

    /// <summary>The last fact (sorted by start) that started on or before <paramref name="date"/>; later input wins ties.</summary>
    private static T? InForce<T>(List<T> sortedByStart, Func<T, DateOnly> start, DateOnly date)
        where T : class
    {
        T? found = null;
        foreach (var fact in sortedByStart)
        {
            if (start(fact) > date)
            {
                break;
            }

            found = fact;
        }

        return found;
    }
}
