using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;

namespace BranchLedger.Domain.Tests;

/// <summary>Small builders so compliance tests read as the facts they set up.</summary>
internal static class ObligationTestFacts
{
    private static long _sequence;

    public static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static long NextSequence() => Interlocked.Increment(ref _sequence);

    public static ActivityFact Meeting(MeetingKind kind, DateOnly date, int attendees = 10, int expected = 10, long? sequence = null) =>
        new(sequence ?? NextSequence(), ObligationSubject.MeetingOf(kind), date, attendees, expected);

    public static ActivityFact Activity(ObligationSubject subject, DateOnly date, int attendees = 10, int expected = 10, long? sequence = null) =>
        new(sequence ?? NextSequence(), subject, date, attendees, expected);

    public static RosterFact Roster(DateOnly from, int members = 20, int voting = 18, int committee = 5) => new(from, members, voting, committee);

    public static TalkPairFact Talk(DateOnly date, string a, string b, long? sequence = null) => new(sequence ?? NextSequence(), date, a, b);

    /// <summary>A roster in force since long before any test date.</summary>
    public static readonly RosterFact[] StandardRoster = [Roster(D(2018, 1, 1))];

    public static ComplianceReport Evaluate(
        IEnumerable<ObligationRule> rules,
        IEnumerable<ActivityFact> activities,
        Period period,
        DateOnly today,
        IEnumerable<RosterFact>? rosters = null,
        IEnumerable<TalkPairFact>? talks = null,
        IEnumerable<TalkRosterFact>? talkRosters = null) =>
        Compliance.Evaluate(rules, activities, rosters ?? StandardRoster, talks ?? [], talkRosters ?? [], period, today);

    public static ObligationResult Single(ComplianceReport report) => Assert.Single(report.Results);

    public static ObligationRow Row(ComplianceReport report, string period) =>
        Assert.Single(Assert.Single(report.Results).Rows, r => r.Period.ToString() == period);
}
