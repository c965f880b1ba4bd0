using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using static BranchLedger.Domain.Tests.ObligationTestFacts;

namespace BranchLedger.Domain.Tests;

public class ComplianceTests
{
    private static readonly ObligationRule Committee = DefaultObligations.BranchCommitteeMeeting;
    private static readonly ObligationRule General = DefaultObligations.BranchGeneralMeeting;
    private static readonly ObligationRule ThemeDay = DefaultObligations.ThemeDay;
    private static readonly DateOnly AfterYear = D(2027, 1, 5);

    [Fact]
    public void A_year_of_a_monthly_rule_has_twelve_rows_and_of_a_quarterly_rule_four()
    {
        var report = Evaluate([ThemeDay, General], [], Period.Year(2026), AfterYear);
        Assert.Equal(12, report.Results[0].Rows.Count);
        Assert.Equal(4, report.Results[1].Rows.Count);
        Assert.Equal(["theme-day", "branch-general-meeting"], report.Results.Select(r => r.RuleId));
    }

    [Fact]
    public void A_meeting_on_March_31_counts_for_March_and_Q1_and_one_on_April_1_for_April_and_Q2()
    {
        var activities = new[]
        {
            Meeting(MeetingKind.ThemeDay, D(2026, 3, 31)),
            Meeting(MeetingKind.BranchGeneralMeeting, D(2026, 3, 31), sequence: 301),
            Meeting(MeetingKind.BranchGeneralMeeting, D(2026, 4, 1), sequence: 401),
        };
        var report = Evaluate([ThemeDay], activities, Period.Year(2026), AfterYear);
        Assert.Equal(ObligationStatus.Met, Row(report, "2026-03").Status);
        Assert.Equal(ObligationStatus.Missed, Row(report, "2026-04").Status);

        var quarters = Evaluate([General], activities, Period.Year(2026), AfterYear);
        Assert.Equal([301L], Row(quarters, "2026-Q1").Sequences);
        Assert.Equal([401L], Row(quarters, "2026-Q2").Sequences);
        Assert.Equal(ObligationStatus.Missed, Row(quarters, "2026-Q3").Status);
    }

    [Fact]
    public void A_meeting_on_December_31_belongs_to_its_year_and_one_on_January_1_to_the_next()
    {
        var activities = new[]
        {
            Meeting(MeetingKind.OrganisationalLifeMeeting, D(2025, 12, 31), sequence: 1231),
            Meeting(MeetingKind.OrganisationalLifeMeeting, D(2027, 1, 1), sequence: 101),
        };
        var rule = DefaultObligations.OrganisationalLifeMeeting;
        Assert.Equal(ObligationStatus.Missed, Row(Evaluate([rule], activities, Period.Year(2026), AfterYear), "2026").Status);
        Assert.Equal([1231L], Row(Evaluate([rule], activities, Period.Year(2025), AfterYear), "2025").Sequences);
        Assert.Equal([101L], Row(Evaluate([rule], activities, Period.Year(2027), D(2028, 1, 1)), "2027").Sequences);
    }

    [Fact]
    public void A_theme_day_on_February_29_counts_for_February_of_a_leap_year()
    {
        var report = Evaluate([ThemeDay], [Meeting(MeetingKind.ThemeDay, D(2024, 2, 29))], Period.Quarter(2024, 1), D(2024, 4, 1));
        Assert.Equal(ObligationStatus.Met, Row(report, "2024-02").Status);
        Assert.Equal(ObligationStatus.Missed, Row(report, "2024-03").Status);
    }

    [Fact]
    public void Only_records_of_the_rules_subject_count()
    {
        var report = Evaluate(
            [ThemeDay],
            [Meeting(MeetingKind.SmallGroupMeeting, D(2026, 5, 5)), Meeting(MeetingKind.Symposium, D(2026, 5, 6))],
            Period.Month(2026, 5),
            AfterYear);
        Assert.Equal(ObligationStatus.Missed, Row(report, "2026-05").Status);
    }

    [Fact]
    public void Extra_meetings_are_listed_but_count_only_up_to_the_requirement()
    {
        var five = Enumerable.Range(1, 5).Select(d => Meeting(MeetingKind.ThemeDay, D(2026, 5, d))).ToList();
        var row = Row(Evaluate([ThemeDay], five, Period.Month(2026, 5), AfterYear), "2026-05");
        Assert.Equal(ObligationStatus.Met, row.Status);
        Assert.Equal(1, row.Required);
        Assert.Equal(1, row.Counted);
        Assert.Equal(5, row.Raw);
        Assert.Equal(five.Select(a => a.Sequence), row.Sequences);
    }

    [Fact]
    public void Extra_meetings_in_one_month_do_not_make_up_for_an_empty_one()
    {
        var steady = Enumerable.Range(1, 12).Select(m => Meeting(MeetingKind.ThemeDay, D(2026, m, 15)));
        var bunched = Enumerable.Range(1, 6).SelectMany(m => Enumerable.Range(1, 4).Select(d => Meeting(MeetingKind.ThemeDay, D(2026, m, d))));

        var steadySummary = Single(Evaluate([ThemeDay], steady, Period.Year(2026), AfterYear)).Summary;
        var bunchedSummary = Single(Evaluate([ThemeDay], bunched, Period.Year(2026), AfterYear)).Summary;

        Assert.Equal(new ObligationSummary(12, 12, 0, 0), steadySummary);
        Assert.Equal(new ObligationSummary(12, 6, 6, 0), bunchedSummary);
        Assert.True(steadySummary.Rate > bunchedSummary.Rate);
        Assert.Equal(0.5, bunchedSummary.Rate);
    }

    [Fact]
    public void Unmet_periods_are_due_until_their_last_day_has_passed()
    {
        var year = Period.Year(2026);
        var midMarch = Evaluate([ThemeDay], [], year, D(2026, 3, 15));
        Assert.Equal(ObligationStatus.Missed, Row(midMarch, "2026-02").Status);
        Assert.Equal(ObligationStatus.Due, Row(midMarch, "2026-03").Status);
        Assert.Equal(ObligationStatus.Due, Row(midMarch, "2026-12").Status);
        Assert.Equal(new ObligationSummary(12, 0, 2, 10), Single(midMarch).Summary);

        Assert.Equal(ObligationStatus.Due, Row(Evaluate([ThemeDay], [], year, D(2026, 3, 31)), "2026-03").Status);
        Assert.Equal(ObligationStatus.Missed, Row(Evaluate([ThemeDay], [], year, D(2026, 4, 1)), "2026-03").Status);
    }

    [Fact]
    public void An_open_period_already_met_is_met_and_the_rate_counts_only_decided_periods()
    {
        var report = Evaluate([ThemeDay], [Meeting(MeetingKind.ThemeDay, D(2026, 3, 2))], Period.Year(2026), D(2026, 3, 15));
        Assert.Equal(ObligationStatus.Met, Row(report, "2026-03").Status);
        var summary = Single(report).Summary;
        Assert.Equal(new ObligationSummary(12, 1, 2, 9), summary);
        Assert.Equal(3, summary.Decided);
        Assert.Equal(1.0 / 3, summary.Rate);
    }

    [Fact]
    public void Nothing_decided_yet_has_no_rate()
    {
        var summary = Single(Evaluate([ThemeDay], [], Period.Month(2026, 3), D(2026, 3, 1))).Summary;
        Assert.Equal(0, summary.Decided);
        Assert.Null(summary.Rate);
    }

    [Fact]
    public void A_rule_taking_effect_mid_month_binds_that_month_and_counts_its_earlier_records()
    {
        var rule = ThemeDay with { EffectiveFrom = D(2026, 3, 15) };
        var report = Evaluate([rule], [Meeting(MeetingKind.ThemeDay, D(2026, 3, 2), sequence: 32)], Period.Year(2026), AfterYear);
        Assert.Equal(ObligationStatus.NotInForce, Row(report, "2026-01").Status);
        Assert.Equal(ObligationStatus.NotInForce, Row(report, "2026-02").Status);
        var march = Row(report, "2026-03");
        Assert.Equal(ObligationStatus.Met, march.Status);
        Assert.Equal([32L], march.Sequences);
        Assert.Equal(new ObligationSummary(10, 1, 9, 0), Single(report).Summary);
    }

    [Fact]
    public void A_rule_ending_mid_month_no_longer_binds_that_month_but_one_ending_on_the_last_day_does()
    {
        var endsMidJune = Evaluate([ThemeDay with { EffectiveTo = D(2026, 6, 15) }], [], Period.Year(2026), AfterYear);
        Assert.Equal(ObligationStatus.Missed, Row(endsMidJune, "2026-05").Status);
        Assert.Equal(ObligationStatus.NotInForce, Row(endsMidJune, "2026-06").Status);
        Assert.Null(Row(endsMidJune, "2026-06").Rule);

        var endsJune30 = Evaluate([ThemeDay with { EffectiveTo = D(2026, 6, 30) }], [], Period.Year(2026), AfterYear);
        Assert.Equal(ObligationStatus.Missed, Row(endsJune30, "2026-06").Status);
        Assert.Equal(ObligationStatus.NotInForce, Row(endsJune30, "2026-07").Status);
        Assert.Equal(6, Single(endsJune30).Summary.InForce);
    }

    [Fact]
    public void A_quarterly_rule_from_March_31_binds_Q1_and_from_April_1_does_not()
    {
        Assert.Equal(ObligationStatus.Missed, Row(Evaluate([General with { EffectiveFrom = D(2026, 3, 31) }], [], Period.Year(2026), AfterYear), "2026-Q1").Status);
        Assert.Equal(ObligationStatus.NotInForce, Row(Evaluate([General with { EffectiveFrom = D(2026, 4, 1) }], [], Period.Year(2026), AfterYear), "2026-Q1").Status);
    }

    [Fact]
    public void Defaults_are_not_in_force_before_the_baseline()
    {
        var report = Evaluate([ThemeDay], [], Period.Year(2018), AfterYear);
        Assert.All(Single(report).Rows, r => Assert.Equal(ObligationStatus.NotInForce, r.Status));
        Assert.Null(Single(report).Summary.Rate);
    }

    [Fact]
    public void Versions_of_different_frequency_tile_the_year()
    {
        // Party lectures: quarterly until June, monthly from July (a tenant's stricter rule).
        var quarterly = DefaultObligations.PartyLecture with { EffectiveTo = D(2026, 6, 30) };
        var monthly = DefaultObligations.PartyLecture with { EffectiveFrom = D(2026, 7, 1), Frequency = Frequency.Monthly };
        var report = Evaluate([quarterly, monthly], [Meeting(MeetingKind.PartyLecture, D(2026, 8, 8))], Period.Year(2026), AfterYear);

        var result = Single(report);
        Assert.Equal(
            ["2026-Q1", "2026-Q2", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"],
            result.Rows.Select(r => r.Period.ToString()));
        Assert.Equal(ObligationStatus.Met, Row(report, "2026-08").Status);
        Assert.Same(monthly, Row(report, "2026-08").Rule);
        Assert.Same(quarterly, Row(report, "2026-Q2").Rule);
        Assert.Equal(new ObligationSummary(8, 1, 7, 0), result.Summary);
    }

    [Fact]
    public void Asked_about_one_month_a_coarser_rule_shows_the_quarter_or_year_containing_it()
    {
        var report = Evaluate(
            [ThemeDay, General, DefaultObligations.MemberAppraisal],
            [Meeting(MeetingKind.BranchGeneralMeeting, D(2026, 4, 20))],
            Period.Month(2026, 5),
            D(2026, 5, 31));
        Assert.Equal(["2026-05"], report.Results[0].Rows.Select(r => r.Period.ToString()));
        Assert.Equal(ObligationStatus.Due, report.Results[0].Rows[0].Status);
        Assert.Equal(["2026-Q2"], report.Results[1].Rows.Select(r => r.Period.ToString()));
        Assert.Equal(ObligationStatus.Met, report.Results[1].Rows[0].Status);
        Assert.Equal(["2026"], report.Results[2].Rows.Select(r => r.Period.ToString()));
    }

    [Fact]
    public void A_secretarys_lecture_also_counts_as_a_party_lecture_but_not_the_other_way_round()
    {
        var secretary = Activity(ObligationSubject.SecretaryLecture, D(2026, 2, 2));
        var member = Meeting(MeetingKind.PartyLecture, D(2026, 5, 5));
        var report = Evaluate([DefaultObligations.PartyLecture, DefaultObligations.SecretaryLecture], [secretary, member], Period.Year(2026), AfterYear);

        Assert.Equal([secretary.Sequence], report.Results[0].Rows[0].Sequences); // Q1
        Assert.Equal([member.Sequence], report.Results[0].Rows[1].Sequences);   // Q2
        Assert.Equal([secretary.Sequence], Assert.Single(report.Results[1].Rows).Sequences);

        var onlyMember = Evaluate([DefaultObligations.SecretaryLecture], [member], Period.Year(2026), AfterYear);
        Assert.Equal(ObligationStatus.Missed, Row(onlyMember, "2026").Status);
    }

    [Fact]
    public void One_record_passed_under_two_subjects_counts_once()
    {
        var asLecture = Meeting(MeetingKind.PartyLecture, D(2026, 2, 2), sequence: 7);
        var asSecretary = Activity(ObligationSubject.SecretaryLecture, D(2026, 2, 2), sequence: 7);
        var row = Row(Evaluate([DefaultObligations.PartyLecture with { MinCount = 2 }], [asLecture, asSecretary], Period.Quarter(2026, 1), AfterYear), "2026-Q1");
        Assert.Equal(1, row.Raw);
        Assert.Equal(ObligationStatus.Missed, row.Status);
    }

    [Fact]
    public void Sequences_are_listed_in_date_order()
    {
        var late = Meeting(MeetingKind.ThemeDay, D(2026, 5, 30), sequence: 1);
        var early = Meeting(MeetingKind.ThemeDay, D(2026, 5, 2), sequence: 2);
        Assert.Equal([2L, 1L], Row(Evaluate([ThemeDay], [late, early], Period.Month(2026, 5), AfterYear), "2026-05").Sequences);
    }

    [Fact]
    public void A_min_count_above_one_needs_that_many()
    {
        var rule = DefaultObligations.TheoryStudyGroup with { MinCount = 3 };
        var two = new[] { Meeting(MeetingKind.TheoryStudyGroup, D(2026, 1, 5)), Meeting(MeetingKind.TheoryStudyGroup, D(2026, 2, 5)) };
        var row = Row(Evaluate([rule], two, Period.Quarter(2026, 1), AfterYear), "2026-Q1");
        Assert.Equal((ObligationStatus.Missed, 3, 2, 2), (row.Status, row.Required, row.Counted, row.Raw));
        var three = two.Append(Meeting(MeetingKind.TheoryStudyGroup, D(2026, 3, 5)));
        Assert.Equal(ObligationStatus.Met, Row(Evaluate([rule], three, Period.Quarter(2026, 1), AfterYear), "2026-Q1").Status);
    }

    [Fact]
    public void Organisation_rules_count_the_review_and_study_sessions()
    {
        var report = Evaluate(
            DefaultObligations.For(ObligationScope.Organisation),
            [
                Activity(ObligationSubject.PartyBuildingReview, D(2026, 3, 20)),
                Meeting(MeetingKind.TheoryStudyGroup, D(2026, 1, 9)),
                Meeting(MeetingKind.DemocraticLifeMeeting, D(2026, 12, 20), attendees: 7, expected: 9),
            ],
            Period.Year(2026),
            AfterYear);
        Assert.Equal(new ObligationSummary(4, 1, 3, 0), report.Results.Single(r => r.RuleId == "party-building-review").Summary);
        Assert.Equal(new ObligationSummary(4, 1, 3, 0), report.Results.Single(r => r.RuleId == "theory-study-group").Summary);
        Assert.Equal(new ObligationSummary(1, 1, 0, 0), report.Results.Single(r => r.RuleId == "democratic-life-meeting").Summary);
        Assert.Equal(new ObligationSummary(9, 3, 6, 0), report.Totals);
    }

    [Fact]
    public void Malformed_rules_and_overlapping_versions_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Evaluate([ThemeDay with { MinCount = 0 }], [], Period.Year(2026), AfterYear));
        Assert.Throws<ArgumentException>(() => Evaluate([ThemeDay with { EffectiveTo = D(2018, 1, 1) }], [], Period.Year(2026), AfterYear));
        Assert.Throws<ArgumentException>(() => Evaluate([ThemeDay with { Id = "Theme Day" }], [], Period.Year(2026), AfterYear));
        Assert.Throws<ArgumentException>(() => Evaluate([ThemeDay with { Quorum = new QuorumRule(QuorumBasis.Members, 1, 1, true) }], [], Period.Year(2026), AfterYear));
        Assert.Throws<ArgumentException>(() => Evaluate(
            [ThemeDay with { EffectiveTo = D(2026, 6, 30) }, ThemeDay with { EffectiveFrom = D(2026, 6, 30) }], [], Period.Year(2026), AfterYear));
    }

    [Fact]
    public void Adjacent_versions_of_one_rule_are_accepted()
    {
        var report = Evaluate(
            [ThemeDay with { EffectiveTo = D(2026, 6, 30) }, ThemeDay with { EffectiveFrom = D(2026, 7, 1), MinCount = 2 }],
            [Meeting(MeetingKind.ThemeDay, D(2026, 6, 1)), Meeting(MeetingKind.ThemeDay, D(2026, 7, 1))],
            Period.Year(2026),
            AfterYear);
        Assert.Equal(12, Single(report).Rows.Count);
        Assert.Equal(ObligationStatus.Met, Row(report, "2026-06").Status);
        Assert.Equal(ObligationStatus.Missed, Row(report, "2026-07").Status);
        Assert.Equal(2, Row(report, "2026-07").Required);
    }
}
