using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Scoring;
using static BranchLedger.Domain.Tests.ObligationTestFacts;
using static BranchLedger.Domain.Tests.Scoring.ScoringTestFacts;

namespace BranchLedger.Domain.Tests.Scoring;

/// <summary>A year of a branch and of an organisation under the default rubric, computed by hand.</summary>
public class DefaultRubricScoringTests
{
    private static readonly Period Year = Period.Year(2026);
    private static readonly DateOnly NewYear = D(2027, 1, 5);

    private static ScoreSheet BranchYear()
    {
        var activities = new List<ActivityFact>();
        for (var month = 1; month <= 12; month++)
        {
            activities.Add(Meeting(MeetingKind.SmallGroupMeeting, D(2026, month, 3)));
            if (month is not (2 or 5 or 8))
            {
                activities.Add(Meeting(MeetingKind.BranchCommitteeMeeting, D(2026, month, 4)));
            }

            if (month != 7)
            {
                activities.Add(Meeting(MeetingKind.ThemeDay, D(2026, month, 5)));
            }

            if (month % 3 == 0)
            {
                activities.Add(Meeting(MeetingKind.BranchGeneralMeeting, D(2026, month, 10)));
                activities.Add(Meeting(MeetingKind.PartyLecture, D(2026, month, 11)));
            }
        }

        activities.Add(Activity(ObligationSubject.SecretaryLecture, D(2026, 6, 20)));
        activities.Add(Meeting(MeetingKind.OrganisationalLifeMeeting, D(2026, 12, 15)));
        activities.Add(Meeting(MeetingKind.MemberAppraisal, D(2026, 12, 16)));

        // every branch rule, heart-to-heart talks included, but no list of people to cover
        var report = Evaluate(DefaultObligations.For(ObligationScope.Branch), activities, Year, NewYear);
        var findings = new[] { Finding("fix-1", D(2026, 6, 30), D(2026, 6, 28)), Finding("fix-2", D(2026, 9, 30)) };
        var records = new[] { Brand(901, D(2026, 7, 1)), Honour(902, D(2026, 11, 1)) };
        return Scorer.Score(DefaultRubric.Load(), Facts(Year, NewYear, report, Duties(3, 4, D(2026, 10, 31)), findings, records));
    }

    [Fact]
    public void A_branch_year_scores_as_computed_by_hand()
    {
        var sheet = BranchYear();
        Assert.Equal(
            [
                ("three-meetings-one-lecture", IndicatorStatus.Scored, 21.75m), // 24 × (4 + 9 + 12 + 4) / 32
                ("theme-day", IndicatorStatus.Scored, 7.33m), // 8 × 11/12 = 7.333…
                ("annual-meetings", IndicatorStatus.Scored, 8m), // 2 of 2
                ("secretary-lecture", IndicatorStatus.Scored, 4m), // threshold met
                ("theory-study-group", IndicatorStatus.OutOfScope, 0m),
                ("talk-coverage", IndicatorStatus.NothingToJudge, 0m), // no talk roster
                ("duty-on-time", IndicatorStatus.Scored, 7.5m), // 10 × 3/4
                ("quarterly-reviews", IndicatorStatus.OutOfScope, 0m),
                ("findings-on-time", IndicatorStatus.Scored, 5m), // 10 × 1/2
                ("findings-overdue", IndicatorStatus.Scored, 4m), // 6 − 2 × 1
                ("brands", IndicatorStatus.Scored, 5m), // 1 of target 1
                ("honours", IndicatorStatus.Scored, 2.5m), // 1 of target 2
            ],
            sheet.Indicators.Select(i => (i.IndicatorId, i.Status, i.Points)));

        // 65.08 of 100 − 6 − 8 − 6 = 80 assessable → 100 × 65.08 / 80 = 81.35 → 较好
        Assert.Equal((65.08m, 80m, 81.35m), (sheet.EarnedPoints, sheet.AssessableWeight, sheet.Total!.Value));
        Assert.Equal("较好", sheet.Grade!.Name);
        Assert.Equal(
            [("organisational-life", 37.08m, 40m), ("leadership", 4m, 4m), ("members", 0m, 0m),
             ("responsibilities", 7.5m, 10m), ("remediation", 9m, 16m), ("outcomes", 7.5m, 10m)],
            sheet.Categories.Select(c => (c.CategoryId, c.Points, c.AssessableWeight)));

        var tmol = Indicator(sheet, "three-meetings-one-lecture");
        Assert.Equal(
            ["branch-committee-meeting@2026-02", "branch-committee-meeting@2026-05", "branch-committee-meeting@2026-08"],
            tmol.Misses);
        Assert.Equal(29, tmol.Numerator);
        Assert.Equal([901L], Indicator(sheet, "brands").Sequences);
    }

    [Fact]
    public void An_organisation_year_scores_as_computed_by_hand()
    {
        var activities = new List<ActivityFact>
        {
            Meeting(MeetingKind.TheoryStudyGroup, D(2026, 2, 1)),
            Meeting(MeetingKind.TheoryStudyGroup, D(2026, 5, 1)),
            Meeting(MeetingKind.TheoryStudyGroup, D(2026, 11, 1)), // Q3 missed
            Meeting(MeetingKind.DemocraticLifeMeeting, D(2026, 12, 20), attendees: 7, expected: 9), // ≥ 2/3 of 9 = 6
        };
        activities.AddRange(new[] { 3, 6, 9, 12 }.Select(m => Activity(ObligationSubject.PartyBuildingReview, D(2026, m, 25))));
        var report = Evaluate(DefaultObligations.For(ObligationScope.Organisation), activities, Year, NewYear);
        var sheet = Scorer.Score(DefaultRubric.Load(), Facts(Year, NewYear, report, scope: ObligationScope.Organisation));

        Assert.Equal(
            [
                ("annual-meetings", 8m), // the democratic life meeting, 1 of 1
                ("theory-study-group", 4.5m), // 6 × 3/4
                ("quarterly-reviews", 6m),
                ("findings-overdue", 6m), // nothing overdue: a deduction starts full
                ("brands", 0m),
                ("honours", 0m),
            ],
            sheet.Indicators.Where(i => i.Assessable).Select(i => (i.IndicatorId, i.Points)));

        // 24.5 of 36 → 100 × 24.5 / 36 = 68.055… → 68.06 → 一般
        Assert.Equal((24.5m, 36m, 68.06m), (sheet.EarnedPoints, sheet.AssessableWeight, sheet.Total!.Value));
        Assert.Equal("average", sheet.Grade!.Id);
    }

    [Fact]
    public void A_month_of_a_branch_leaves_the_yearly_outcomes_out()
    {
        var report = Evaluate(DefaultObligations.For(ObligationScope.Branch), [Meeting(MeetingKind.ThemeDay, D(2026, 3, 5))], Period.Month(2026, 3), D(2026, 4, 1));
        var sheet = Scorer.Score(DefaultRubric.Load(), Facts(Period.Month(2026, 3), D(2026, 4, 1), report));
        Assert.Equal(IndicatorStatus.YearOnly, Indicator(sheet, "brands").Status);
        Assert.Equal(IndicatorStatus.YearOnly, Indicator(sheet, "honours").Status);

        // March: theme day met 1/1 = 8; 三会一课 0 of 4 (March's committee and small-group meetings, Q1's general
        // meeting and lecture, all missed); yearly rules still due; findings-overdue full 6
        // → (8 + 0 + 6) of (8 + 24 + 6) = 100 × 14 / 38 = 36.842… → 36.84
        Assert.Equal((14m, 38m, 36.84m), (sheet.EarnedPoints, sheet.AssessableWeight, sheet.Total!.Value));
    }
}
