using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Scoring;
using BranchLedger.Domain.Warnings;
using static BranchLedger.Domain.Tests.ObligationTestFacts;
using static BranchLedger.Domain.Tests.Scoring.ScoringTestFacts;

namespace BranchLedger.Domain.Tests.Scoring;

/// <summary>What each measure counts, and when it has nothing to judge.</summary>
public class MeasureTests
{
    private static readonly Period Q1 = Period.Quarter(2026, 1);
    private static readonly DateOnly AfterQ1 = D(2026, 4, 10);

    private static IndicatorScore Rate(string measure, ScoringFacts facts) => ScoreOne(Linear("rate", 10m, measure), facts);

    [Fact]
    public void The_measure_set_is_closed_and_exact()
    {
        Assert.True(Measures.IsKnown("obligation-rate:theme-day"));
        Assert.True(Measures.IsKnown("obligation-rate:three-meetings-one-lecture"));
        Assert.True(Measures.IsKnown("obligation-missed:all"));
        Assert.False(Measures.IsKnown("obligation-rate:unknown-rule"));
        Assert.False(Measures.IsKnown("Brands"));
        Assert.False(Measures.IsKnown("brands "));
        Assert.False(Measures.IsKnown(null));
        Assert.Equal(MeasureKind.Rate, Measures.KindOf(Measures.TalkCoverage));
        Assert.Equal(MeasureKind.Count, Measures.KindOf(Measures.Honours));
        Assert.Equal(MeasureKind.MissCount, Measures.KindOf(Measures.FindingsOverdue));
        Assert.Equal(MeasureKind.Unspecified, Measures.KindOf("nothing"));

        // one rate and one miss count per default rule and per group, plus the seven others
        Assert.Equal(((DefaultObligations.All.Count + 3) * 2) + 7, Measures.All.Count);
        Assert.All(DefaultObligations.All, r => Assert.Contains(Measures.ObligationRatePrefix + r.Id, Measures.All));
        Assert.Equal(Measures.All.Count, Measures.All.Distinct().Count());
    }

    [Fact]
    public void Obligation_rate_is_met_periods_over_decided_periods()
    {
        // Q1 closed: January and March met, February missed → 2/3
        var report = Evaluate(
            [DefaultObligations.ThemeDay],
            [Meeting(MeetingKind.ThemeDay, D(2026, 1, 8), sequence: 11), Meeting(MeetingKind.ThemeDay, D(2026, 3, 8), sequence: 13)],
            Q1,
            AfterQ1);
        var line = Rate("obligation-rate:theme-day", Facts(Q1, AfterQ1, report));
        Assert.Equal((2, 3), (line.Numerator, line.Denominator!.Value));
        Assert.Equal(6.67m, line.Points);
        Assert.Equal([11L, 13L], line.Sequences);
        Assert.Equal(["theme-day@2026-02"], line.Misses);
    }

    [Fact]
    public void Periods_still_due_are_not_judged_but_periods_already_met_are()
    {
        var today = D(2026, 3, 15);
        var activities = new[] { Meeting(MeetingKind.ThemeDay, D(2026, 1, 8), sequence: 11) };

        // January met, February missed, March due (open, unmet) → 1/2
        var line = Rate("obligation-rate:theme-day", Facts(Q1, today, Evaluate([DefaultObligations.ThemeDay], activities, Q1, today)));
        Assert.Equal((1, 2), (line.Numerator, line.Denominator!.Value));

        // once March is met it counts before the month closes → 2/3
        var met = activities.Append(Meeting(MeetingKind.ThemeDay, D(2026, 3, 10), sequence: 13)).ToList();
        line = Rate("obligation-rate:theme-day", Facts(Q1, today, Evaluate([DefaultObligations.ThemeDay], met, Q1, today)));
        Assert.Equal((2, 3), (line.Numerator, line.Denominator!.Value));
    }

    [Fact]
    public void An_obligation_with_nothing_decided_is_not_assessable()
    {
        var today = D(2026, 1, 15);
        var open = Rate("obligation-rate:theme-day", Facts(Q1, today, Evaluate([DefaultObligations.ThemeDay], [], Q1, today)));
        Assert.Equal(IndicatorStatus.NothingToJudge, open.Status);
        Assert.False(open.Assessable);
        Assert.Equal(0m, open.Points);

        var absent = Rate("obligation-rate:theme-day", Facts(Q1, AfterQ1, Evaluate([DefaultObligations.BranchGeneralMeeting], [], Q1, AfterQ1)));
        Assert.Equal(IndicatorStatus.NothingToJudge, absent.Status);

        var notInForce = Evaluate([DefaultObligations.ThemeDay with { EffectiveFrom = D(2027, 1, 1) }], [], Q1, AfterQ1);
        Assert.Equal(IndicatorStatus.NothingToJudge, Rate("obligation-rate:theme-day", Facts(Q1, AfterQ1, notInForce)).Status);
    }

    [Fact]
    public void Extra_meetings_earn_nothing_extra()
    {
        var five = Enumerable.Range(1, 5).Select(d => Meeting(MeetingKind.ThemeDay, D(2026, 1, d), sequence: d)).ToList();
        var report = Evaluate([DefaultObligations.ThemeDay], five, Period.Month(2026, 1), D(2026, 2, 1));
        var line = Rate("obligation-rate:theme-day", Facts(Period.Month(2026, 1), D(2026, 2, 1), report));
        Assert.Equal((1, 1), (line.Numerator, line.Denominator!.Value));
        Assert.Equal(10m, line.Points);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], line.Sequences); // every qualifying record is shown, none earns more
    }

    [Fact]
    public void The_three_meetings_one_lecture_group_pools_the_periods_of_its_four_rules()
    {
        // Q1: general meeting (quarterly) met; committee met in Jan and Mar, not Feb; small group every month;
        // lecture (quarterly) missed; the theme day is not in the group → (1 + 2 + 3 + 0) / (1 + 3 + 3 + 1) = 6/8
        var activities = new[]
        {
            Meeting(MeetingKind.BranchGeneralMeeting, D(2026, 2, 5), sequence: 1),
            Meeting(MeetingKind.BranchCommitteeMeeting, D(2026, 1, 5), sequence: 2),
            Meeting(MeetingKind.BranchCommitteeMeeting, D(2026, 3, 5), sequence: 3),
            Meeting(MeetingKind.SmallGroupMeeting, D(2026, 1, 6), sequence: 4),
            Meeting(MeetingKind.SmallGroupMeeting, D(2026, 2, 6), sequence: 5),
            Meeting(MeetingKind.SmallGroupMeeting, D(2026, 3, 6), sequence: 6),
            Meeting(MeetingKind.ThemeDay, D(2026, 3, 7), sequence: 7),
        };
        var report = Evaluate(DefaultObligations.For(ObligationScope.Branch), activities, Q1, AfterQ1);
        var line = ScoreOne(Linear("tmol", 24m, "obligation-rate:three-meetings-one-lecture"), Facts(Q1, AfterQ1, report));
        Assert.Equal((6, 8), (line.Numerator, line.Denominator!.Value));
        Assert.Equal(0.75d, line.RawValue);
        Assert.Equal(18m, line.Points); // 24 × 0.75
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], line.Sequences);
        Assert.Equal(["branch-committee-meeting@2026-02", "party-lecture@2026-Q1"], line.Misses.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_quorum_failure_does_not_count_towards_the_rate()
    {
        // voting members 18: more than half is 10; 9 present fails
        var report = Evaluate(
            [DefaultObligations.BranchGeneralMeeting], [Meeting(MeetingKind.BranchGeneralMeeting, D(2026, 2, 5), attendees: 9)], Q1, AfterQ1);
        var line = Rate("obligation-rate:branch-general-meeting", Facts(Q1, AfterQ1, report));
        Assert.Equal((0, 1), (line.Numerator, line.Denominator!.Value));
    }

    [Fact]
    public void Obligation_missed_counts_missed_periods_for_deductions()
    {
        // theme days: one met month of three → 2 missed; 5 − 0.5 × 2 = 4
        var report = Evaluate([DefaultObligations.ThemeDay], [Meeting(MeetingKind.ThemeDay, D(2026, 2, 8))], Q1, AfterQ1);
        var line = ScoreOne(Deduction("missed", 5m, "obligation-missed:all", 0.5m), Facts(Q1, AfterQ1, report));
        Assert.Equal(2, line.Numerator);
        Assert.Equal(4m, line.Points);
        Assert.Equal(["theme-day@2026-01", "theme-day@2026-03"], line.Misses);
        Assert.Empty(line.Sequences);
    }

    [Fact]
    public void A_miss_count_starts_full_even_when_nothing_was_decided_yet()
    {
        var today = D(2026, 1, 15);
        var line = ScoreOne(Deduction("missed", 5m, "obligation-missed:theme-day", 1m), Facts(Q1, today, Evaluate([DefaultObligations.ThemeDay], [], Q1, today)));
        Assert.Equal(IndicatorStatus.Scored, line.Status);
        Assert.Equal(5m, line.Points);
    }

    private static ComplianceReport Talks(DateOnly today, params TalkPairFact[] talks) => Compliance.Evaluate(
        [DefaultObligations.HeartToHeartTalks], [], [], talks,
        [new TalkRosterFact(D(2025, 1, 1), ["王", "李"], ["张"])], Period.Year(2025), today);

    [Fact]
    public void Talk_coverage_is_pairs_covered_over_pairs_required()
    {
        // pairs 王–李, 王–张, 李–张; two covered; the year has closed → 2/3; 9 × 2/3 = 6
        var report = Talks(D(2026, 1, 5), Talk(D(2025, 3, 1), "王", "李", 31), Talk(D(2025, 4, 1), "张", "王", 32));
        var line = ScoreOne(Linear("talks", 9m, Measures.TalkCoverage), Facts(Period.Year(2025), D(2026, 1, 5), report));
        Assert.Equal((2, 3), (line.Numerator, line.Denominator!.Value));
        Assert.Equal(6m, line.Points);
        Assert.Equal([31L, 32L], line.Sequences);
        Assert.Equal(["heart-to-heart-talks@2025"], line.Misses); // the period, never the people
    }

    [Fact]
    public void Talk_coverage_of_an_open_year_is_judged_only_once_every_pair_is_covered()
    {
        var midYear = D(2025, 6, 30);
        var partial = Talks(midYear, Talk(D(2025, 3, 1), "王", "李"));
        Assert.Equal(IndicatorStatus.NothingToJudge, Rate(Measures.TalkCoverage, Facts(Period.Year(2025), midYear, partial)).Status);

        var full = Talks(midYear, Talk(D(2025, 3, 1), "王", "李"), Talk(D(2025, 3, 2), "王", "张"), Talk(D(2025, 3, 3), "李", "张"));
        var line = Rate(Measures.TalkCoverage, Facts(Period.Year(2025), midYear, full));
        Assert.Equal((3, 3), (line.Numerator, line.Denominator!.Value));
    }

    [Fact]
    public void Talk_coverage_without_a_talk_roster_is_not_assessable()
    {
        var report = Compliance.Evaluate(
            [DefaultObligations.HeartToHeartTalks], [], [], [Talk(D(2025, 3, 1), "王", "李")], [], Period.Year(2025), D(2026, 1, 5));
        Assert.Equal(IndicatorStatus.NothingToJudge, Rate(Measures.TalkCoverage, Facts(Period.Year(2025), D(2026, 1, 5), report)).Status);
    }

    [Fact]
    public void Duty_items_done_on_or_before_the_due_day_are_on_time()
    {
        var march = Period.Month(2026, 3);
        var today = D(2026, 3, 20);
        var duties = new[]
        {
            Duty("on-due-day", D(2026, 3, 10), D(2026, 3, 10), 1, 2),
            Duty("early", D(2026, 3, 31), D(2026, 3, 5), 3), // not yet due, but done: judged, on time
            Duty("a-day-late", D(2026, 3, 10), D(2026, 3, 11), 4, 5),
            Duty("never-done", D(2026, 3, 19), null, 6), // due yesterday
            Duty("due-today", D(2026, 3, 20), null, 7), // not judged yet: there is still today
            Duty("due-later", D(2026, 3, 25), null, 8), // not judged yet
            Duty("other-month", D(2026, 2, 10), D(2026, 2, 1), 9), // judged in February
        };
        var line = Rate(Measures.DutyOnTimeRate, Facts(march, today, duties: duties));
        Assert.Equal((2, 4), (line.Numerator, line.Denominator!.Value));
        Assert.Equal([1L, 2L, 3L], line.Sequences);
        Assert.Equal(["a-day-late", "never-done"], line.Misses);
        Assert.Equal(5m, line.Points);

        var overdue = ScoreOne(Deduction("late", 4m, Measures.DutyOverdue, 1m), Facts(march, today, duties: duties));
        Assert.Equal((2, 2m), (overdue.Numerator, overdue.Points));
        Assert.Equal([4L, 5L, 6L], overdue.Sequences);
    }

    [Fact]
    public void No_duty_item_due_means_nothing_to_judge()
    {
        var line = Rate(Measures.DutyOnTimeRate, Facts(Q1, AfterQ1, duties: [Duty("later", D(2026, 5, 1))]));
        Assert.Equal(IndicatorStatus.NothingToJudge, line.Status);
    }

    [Fact]
    public void Findings_closed_on_or_before_their_deadline_are_on_time()
    {
        var today = D(2026, 3, 20);
        var findings = new[]
        {
            Finding("closed-on-deadline", D(2026, 1, 31), D(2026, 1, 31), RemediationType.FixNow, 1),
            Finding("closed-late", D(2026, 2, 10), D(2026, 2, 11), RemediationType.ByDeadline, 2),
            Finding("reopened", D(2026, 2, 20), null, RemediationType.ByDeadline, 3, 4), // closed in time once, reopened by a re-check
            Finding("open-not-yet-due", D(2026, 3, 25), null, RemediationType.ByDeadline, 5),
            Finding("ongoing", D(2026, 1, 1), null, RemediationType.Ongoing, 6),
            Finding("no-deadline", null, null, RemediationType.ByDeadline, 7),
            Finding("last-year", D(2025, 12, 31), null, RemediationType.ByDeadline, 8),
        };
        var facts = Facts(Q1, today, findings: findings);
        var line = Rate(Measures.FindingsClosedOnTimeRate, facts);
        Assert.Equal((1, 3), (line.Numerator, line.Denominator!.Value));
        Assert.Equal([1L], line.Sequences);
        Assert.Equal(["closed-late", "reopened"], line.Misses);

        var overdue = ScoreOne(Deduction("overdue", 6m, Measures.FindingsOverdue, 2m), facts);
        Assert.Equal((2, 2m), (overdue.Numerator, overdue.Points));
        Assert.Equal([2L, 3L, 4L], overdue.Sequences);
    }

    [Fact]
    public void No_finding_due_means_the_rate_has_nothing_to_judge_and_the_deduction_keeps_full_points()
    {
        var facts = Facts(Q1, AfterQ1, findings: [Finding("ongoing", null, null, RemediationType.Ongoing)]);
        Assert.Equal(IndicatorStatus.NothingToJudge, Rate(Measures.FindingsClosedOnTimeRate, facts).Status);
        Assert.Equal(6m, ScoreOne(Deduction("overdue", 6m, Measures.FindingsOverdue, 2m), facts).Points);
    }

    [Fact]
    public void Brands_count_only_recognised_projects_dated_in_the_year()
    {
        var year = Period.Year(2025);
        var records = new[]
        {
            Brand(1, D(2025, 5, 1)),
            Brand(2, D(2025, 6, 1), recognised: false), // building or withdrawn
            Brand(3, D(2024, 12, 31)),
            Honour(4, D(2025, 7, 1)),
            new CountedRecord(5, "campaign", D(2025, 8, 1), RecognitionLevel.City, true),
        };
        var line = ScoreOne(Linear("brands", 5m, Measures.Brands, 2m), Facts(year, D(2026, 1, 5), records: records));
        Assert.Equal((1, 2.5m), (line.Numerator, line.Points));
        Assert.Equal([1L], line.Sequences);

        var honours = ScoreOne(Linear("honours", 5m, Measures.Honours, 2m), Facts(year, D(2026, 1, 5), records: records));
        Assert.Equal([4L], honours.Sequences);
    }

    [Fact]
    public void Brands_and_honours_are_yearly_and_not_assessable_in_a_month_or_quarter()
    {
        var records = new[] { Brand(1, D(2026, 2, 1)) };
        Assert.Equal(IndicatorStatus.YearOnly, ScoreOne(Linear("brands", 5m, Measures.Brands), Facts(Q1, AfterQ1, records: records)).Status);
        Assert.Equal(
            IndicatorStatus.YearOnly,
            ScoreOne(Linear("honours", 5m, Measures.Honours), Facts(Period.Month(2026, 2), AfterQ1, records: records)).Status);
    }
}
