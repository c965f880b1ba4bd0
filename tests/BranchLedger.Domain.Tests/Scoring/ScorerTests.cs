using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Scoring;
using static BranchLedger.Domain.Tests.ObligationTestFacts;
using static BranchLedger.Domain.Tests.Scoring.ScoringTestFacts;

namespace BranchLedger.Domain.Tests.Scoring;

/// <summary>Totals: re-normalisation over assessable weights, rounding, grades, scope.</summary>
public class ScorerTests
{
    private static readonly Period March = Period.Month(2026, 3);
    private static readonly DateOnly Due = D(2026, 3, 20);
    private static readonly DateOnly April = D(2026, 4, 2);

    private static Rubric TwoCategories(IndicatorScope second = IndicatorScope.Organisation) => new(
        "two-parts",
        3,
        "两部分",
        [
            new RubricCategory("duties", "责任", null, [Linear("duty", 60m, Measures.DutyOnTimeRate)]),
            new RubricCategory("leaders", "班子", "组织层面", [Linear("theory", 40m, "obligation-rate:theory-study-group", 1m, second)]),
        ],
        Bands);

    [Fact]
    public void Indicators_out_of_scope_leave_the_denominator_and_the_rest_is_renormalised_to_100()
    {
        // branch: duty 3 of 4 → 60 × 0.75 = 45 of 60 assessable → 100 × 45 / 60 = 75
        var sheet = Scorer.Score(TwoCategories(), Facts(March, April, duties: Duties(3, 4, Due)));
        Assert.Equal(45m, sheet.EarnedPoints);
        Assert.Equal(60m, sheet.AssessableWeight);
        Assert.Equal(75m, sheet.Total);
        Assert.Equal("average", sheet.Grade!.Id);

        var theory = Indicator(sheet, "theory");
        Assert.Equal(IndicatorStatus.OutOfScope, theory.Status);
        Assert.Equal((0m, 40m), (theory.Points, theory.MaxPoints));

        Assert.Equal(
            [new CategoryScore("duties", "责任", 45m, 60m, 60m), new CategoryScore("leaders", "班子", 0m, 0m, 40m)],
            sheet.Categories);
        Assert.Equal(("two-parts", 3, March, April, ObligationScope.Branch), (sheet.RubricId, sheet.RubricVersion, sheet.Period, sheet.Today, sheet.Scope));
    }

    [Fact]
    public void When_every_indicator_is_assessable_the_total_is_the_sum_of_points()
    {
        // organisation: duty 45 + theory (Q1 of 2026 met, the other quarters still due → 1/1) 40 = 85
        var report = Evaluate([DefaultObligations.TheoryStudyGroup], [Meeting(MeetingKind.TheoryStudyGroup, D(2026, 2, 3))], March, April);
        var sheet = Scorer.Score(TwoCategories(), Facts(March, April, report, Duties(3, 4, Due), scope: ObligationScope.Organisation));
        Assert.Equal((85m, 100m, 85m), (sheet.EarnedPoints, sheet.AssessableWeight, sheet.Total!.Value));
        Assert.Equal("fairly-good", sheet.Grade!.Id);
    }

    [Fact]
    public void An_indicator_with_nothing_to_judge_is_renormalised_away_like_one_out_of_scope()
    {
        // both apply to the organisation, but no theory-study period is decided yet: 45 / 60
        var sheet = Scorer.Score(TwoCategories(IndicatorScope.Both), Facts(March, April, duties: Duties(3, 4, Due), scope: ObligationScope.Organisation));
        Assert.Equal(IndicatorStatus.NothingToJudge, Indicator(sheet, "theory").Status);
        Assert.Equal(75m, sheet.Total);
    }

    [Fact]
    public void A_branch_only_indicator_is_out_of_scope_for_an_organisation()
    {
        var rubric = RubricOf(Linear("duty", 100m, Measures.DutyOnTimeRate, 1m, IndicatorScope.Branch));
        var sheet = Scorer.Score(rubric, Facts(March, April, duties: Duties(1, 1, Due), scope: ObligationScope.Organisation));
        Assert.Equal(IndicatorStatus.OutOfScope, Indicator(sheet, "duty").Status);
    }

    [Fact]
    public void With_nothing_assessable_there_is_no_total_and_no_grade()
    {
        var sheet = Scorer.Score(TwoCategories(), Facts(March, April));
        Assert.False(sheet.Assessable);
        Assert.Null(sheet.Total);
        Assert.Null(sheet.Grade);
        Assert.Equal((0m, 0m), (sheet.EarnedPoints, sheet.AssessableWeight));
        Assert.Equal(2, sheet.Indicators.Count);
    }

    [Fact]
    public void The_total_is_rounded_half_away_from_zero_after_renormalising()
    {
        // 40 × 5/6 = 33.333… → 33.33 points; 100 × 33.33 / 40 = 83.325 → 83.33 (banker's: 83.32)
        var rubric = RubricOf(Linear("duty", 40m, Measures.DutyOnTimeRate));
        var sheet = Scorer.Score(rubric, Facts(March, April, duties: Duties(5, 6, Due)));
        Assert.Equal(33.33m, Indicator(sheet, "duty").Points);
        Assert.Equal(83.33m, sheet.Total);
    }

    [Fact]
    public void The_total_is_reproducible_from_the_rounded_points_on_the_sheet()
    {
        // 7 × 2/3 = 4.666… → 4.67; 21 × 1/3 = 7 → 7.00; 100 × 11.67 / 28 = 41.678… → 41.68
        var rubric = RubricOf(Linear("first", 7m, Measures.DutyOnTimeRate), Linear("second", 21m, Measures.FindingsClosedOnTimeRate));
        var findings = new[] { Finding("f-1", Due, Due), Finding("f-2", Due), Finding("f-3", Due) };
        var sheet = Scorer.Score(rubric, Facts(March, April, duties: Duties(2, 3, Due), findings: findings));
        Assert.Equal([4.67m, 7m], sheet.Indicators.Where(i => i.Assessable).Select(i => i.Points));
        Assert.Equal(11.67m, sheet.EarnedPoints);
        Assert.Equal(41.68m, sheet.Total);
    }

    [Theory]
    [InlineData(9, 10, 90.00, "good")] // exactly at the band's minimum
    [InlineData(8, 10, 80.00, "fairly-good")]
    [InlineData(6, 10, 60.00, "average")]
    [InlineData(1, 2, 50.00, "poor")]
    [InlineData(0, 3, 0.00, "poor")]
    public void The_grade_is_the_highest_band_the_total_reaches(int onTime, int n, double total, string grade)
    {
        var sheet = Scorer.Score(RubricOf(Linear("duty", 100m, Measures.DutyOnTimeRate)), Facts(March, April, duties: Duties(onTime, n, Due)));
        Assert.Equal((decimal)total, sheet.Total);
        Assert.Equal(grade, sheet.Grade!.Id);
    }

    [Fact]
    public void Just_below_a_band_falls_in_the_band_under_it()
    {
        // 89.99 is 较好, not 好: bands are inclusive at their minimum only
        Assert.Equal("fairly-good", new Rubric("r1", 1, "r", [], Bands).GradeOf(89.99m)!.Id);
        Assert.Equal("good", new Rubric("r1", 1, "r", [], Bands).GradeOf(100m)!.Id);
    }

    [Fact]
    public void An_invalid_rubric_is_refused_with_an_argument_exception()
    {
        var broken = RubricOf(Linear("duty", 50m, Measures.DutyOnTimeRate)) with { GradeBands = [] };
        var error = Assert.Throws<ArgumentException>(() => Scorer.Score(broken, Facts(March, April)));
        Assert.Contains("rubric.gradeBands", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_that_is_neither_branch_nor_organisation_is_refused()
    {
        var facts = Facts(March, April) with { Scope = ObligationScope.Unspecified };
        Assert.Throws<ArgumentException>(() => Scorer.Score(RubricOf(Linear("duty", 50m, Measures.DutyOnTimeRate)), facts));
    }

    [Fact]
    public void The_same_facts_always_give_the_same_sheet()
    {
        var facts = Facts(March, April, duties: Duties(2, 3, Due));
        var rubric = RubricOf(Linear("duty", 50m, Measures.DutyOnTimeRate));
        var first = Scorer.Score(rubric, facts);
        var second = Scorer.Score(rubric, facts);
        Assert.Equal(first.Total, second.Total);
        Assert.Equal(first.Indicators.Select(i => (i.IndicatorId, i.Points)), second.Indicators.Select(i => (i.IndicatorId, i.Points)));
    }
}
