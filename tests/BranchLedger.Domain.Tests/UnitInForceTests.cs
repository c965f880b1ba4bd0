using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using static BranchLedger.Domain.Tests.ObligationTestFacts;

namespace BranchLedger.Domain.Tests;

/// <summary>Obligations apply from the later of their own start and the day the unit came into force.</summary>
public class UnitInForceTests
{
    private static readonly ObligationRule ThemeDay = DefaultObligations.ThemeDay;
    private static readonly ObligationRule General = DefaultObligations.BranchGeneralMeeting;
    private static readonly ObligationRule LifeMeeting = DefaultObligations.OrganisationalLifeMeeting;
    private static readonly DateOnly AfterYear = D(2027, 1, 5);

    private static ComplianceReport Evaluate(
        IEnumerable<ObligationRule> rules, IEnumerable<ActivityFact> activities, Period period, DateOnly today, DateOnly? inForceFrom) =>
        Compliance.Evaluate(rules, activities, [Roster(inForceFrom ?? D(2018, 1, 1))], [], [], period, today, inForceFrom);

    private static ObligationRow Row(ComplianceReport report, string ruleId, string period) =>
        Assert.Single(Assert.Single(report.Results, r => r.RuleId == ruleId).Rows, r => r.Period.ToString() == period);

    [Fact]
    public void A_unit_comes_into_force_on_its_earliest_roster_and_without_one_has_no_known_start()
    {
        Assert.Equal(D(2025, 1, 1), UnitInForce.From([D(2025, 6, 1), D(2025, 1, 1), D(2026, 1, 1)]));
        Assert.Null(UnitInForce.From([]));
    }

    [Fact]
    public void A_period_is_covered_whole_from_its_first_day_in_part_up_to_its_last_and_not_at_all_after()
    {
        var march = Period.Month(2026, 3);
        Assert.Equal(PeriodCoverage.Whole, UnitInForce.Coverage(march, null));
        Assert.Equal(PeriodCoverage.Whole, UnitInForce.Coverage(march, D(2020, 1, 1)));
        Assert.Equal(PeriodCoverage.Whole, UnitInForce.Coverage(march, D(2026, 3, 1)));
        Assert.Equal(PeriodCoverage.Partial, UnitInForce.Coverage(march, D(2026, 3, 2)));
        Assert.Equal(PeriodCoverage.Partial, UnitInForce.Coverage(march, D(2026, 3, 31)));
        Assert.Equal(PeriodCoverage.None, UnitInForce.Coverage(march, D(2026, 4, 1)));
    }

    [Fact]
    public void The_year_before_a_branch_came_into_force_has_nothing_missed_and_nothing_required()
    {
        // The branch: its first roster is in force from 2025-01-01; asked about 2024 a year later.
        var rules = DefaultObligations.For(ObligationScope.Branch);
        var before = Evaluate(rules, [], Period.Year(2024), D(2026, 1, 5), D(2025, 1, 1));

        Assert.All(before.Results.SelectMany(r => r.Rows), r => Assert.Equal(ObligationStatus.NotInForce, r.Status));
        Assert.Equal(new ObligationSummary(0, 0, 0, 0), before.Totals);
        Assert.Null(before.Totals.Rate);

        // From its first day on it is judged as before: an empty 2025 is missed throughout.
        var from = Evaluate(rules, [], Period.Year(2025), D(2026, 1, 5), D(2025, 1, 1));
        Assert.DoesNotContain(from.Results.SelectMany(r => r.Rows), r => r.Status == ObligationStatus.NotInForce);
        Assert.Equal(Evaluate(rules, [], Period.Year(2025), D(2026, 1, 5), null).Totals, from.Totals);
    }

    [Fact]
    public void Records_before_the_unit_came_into_force_never_make_a_period_met()
    {
        var report = Evaluate([ThemeDay], [Meeting(MeetingKind.ThemeDay, D(2025, 12, 20))], Period.Month(2025, 12), AfterYear, D(2026, 1, 1));
        Assert.Equal(ObligationStatus.NotInForce, Row(report, "theme-day", "2025-12").Status);
    }

    [Fact]
    public void A_straddled_period_is_not_in_force_unless_its_records_already_meet_it()
    {
        // In force from 15 March: January and February are before it, March and Q1 straddle it.
        var from = D(2026, 3, 15);
        var empty = Evaluate([ThemeDay, General, LifeMeeting], [], Period.Year(2026), AfterYear, from);
        Assert.Equal(ObligationStatus.NotInForce, Row(empty, "theme-day", "2026-02").Status);
        Assert.Equal(ObligationStatus.NotInForce, Row(empty, "theme-day", "2026-03").Status);
        Assert.Equal(ObligationStatus.Missed, Row(empty, "theme-day", "2026-04").Status);
        Assert.Equal(ObligationStatus.NotInForce, Row(empty, "branch-general-meeting", "2026-Q1").Status);
        Assert.Equal(ObligationStatus.Missed, Row(empty, "branch-general-meeting", "2026-Q2").Status);
        Assert.Equal(ObligationStatus.NotInForce, Row(empty, "organisational-life-meeting", "2026").Status);
        Assert.Equal(new ObligationSummary(9, 0, 9, 0), Assert.Single(empty.Results, r => r.RuleId == "theme-day").Summary);

        var held = Evaluate(
            [ThemeDay, General, LifeMeeting],
            [
                Meeting(MeetingKind.ThemeDay, D(2026, 3, 20), sequence: 320),
                Meeting(MeetingKind.BranchGeneralMeeting, D(2026, 3, 25), sequence: 325),
                Meeting(MeetingKind.OrganisationalLifeMeeting, D(2026, 12, 10), sequence: 1210),
            ],
            Period.Year(2026),
            AfterYear,
            from);
        Assert.Equal(ObligationStatus.Met, Row(held, "theme-day", "2026-03").Status);
        Assert.Equal([320L], Row(held, "theme-day", "2026-03").Sequences);
        Assert.Equal(ObligationStatus.Met, Row(held, "branch-general-meeting", "2026-Q1").Status);
        Assert.Equal(ObligationStatus.Met, Row(held, "organisational-life-meeting", "2026").Status);
    }

    [Fact]
    public void A_straddled_period_still_open_is_not_due()
    {
        var report = Evaluate([ThemeDay], [], Period.Month(2026, 3), D(2026, 3, 20), D(2026, 3, 15));
        Assert.Equal(ObligationStatus.NotInForce, Row(report, "theme-day", "2026-03").Status);
    }

    [Fact]
    public void A_period_starting_on_or_after_the_day_is_judged_as_before()
    {
        var report = Evaluate([ThemeDay, General], [], Period.Year(2026), AfterYear, D(2026, 4, 1));
        Assert.Equal(ObligationStatus.NotInForce, Row(report, "theme-day", "2026-03").Status);
        Assert.Equal(ObligationStatus.Missed, Row(report, "theme-day", "2026-04").Status);
        Assert.Equal(ObligationStatus.NotInForce, Row(report, "branch-general-meeting", "2026-Q1").Status);
        Assert.Equal(ObligationStatus.Missed, Row(report, "branch-general-meeting", "2026-Q2").Status);
    }

    [Fact]
    public void The_later_of_the_rule_start_and_the_unit_start_decides()
    {
        // The rule binds from its own start (mid-month: that month) when the unit came earlier…
        var ruleLater = Evaluate([ThemeDay with { EffectiveFrom = D(2026, 5, 10) }], [], Period.Year(2026), AfterYear, D(2026, 1, 1));
        Assert.Equal(ObligationStatus.NotInForce, Row(ruleLater, "theme-day", "2026-04").Status);
        Assert.Equal(ObligationStatus.Missed, Row(ruleLater, "theme-day", "2026-05").Status);

        // …and from the unit's when it came later.
        var unitLater = Evaluate([ThemeDay with { EffectiveFrom = D(2026, 1, 1) }], [], Period.Year(2026), AfterYear, D(2026, 5, 10));
        Assert.Equal(ObligationStatus.NotInForce, Row(unitLater, "theme-day", "2026-05").Status);
        Assert.Equal(ObligationStatus.Missed, Row(unitLater, "theme-day", "2026-06").Status);
    }

    [Fact]
    public void Talk_pairs_before_the_unit_came_into_force_are_not_owed()
    {
        var people = new[] { new TalkRosterFact(D(2025, 1, 1), ["王"], ["王", "李"]) };
        var rule = DefaultObligations.HeartToHeartTalks;
        var before = Compliance.Evaluate([rule], [], [], [], people, Period.Year(2024), AfterYear, D(2025, 1, 1));
        var from = Compliance.Evaluate([rule], [], [], [], people, Period.Year(2025), AfterYear, D(2025, 1, 1));

        Assert.Equal(ObligationStatus.NotInForce, Assert.Single(Assert.Single(before.Results).Rows).Status);
        Assert.Equal(ObligationStatus.Missed, Assert.Single(Assert.Single(from.Results).Rows).Status);
    }
}
