using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Scoring;
using static BranchLedger.Domain.Tests.ObligationTestFacts;
using static BranchLedger.Domain.Tests.Scoring.ScoringTestFacts;

namespace BranchLedger.Domain.Tests.Scoring;

/// <summary>Each scoring rule with hand-computed points. Duty items make exact rates easy: k of n on time.</summary>
public class ScoringRuleTests
{
    private static readonly Period March = Period.Month(2026, 3);
    private static readonly DateOnly Due = D(2026, 3, 20);
    private static readonly DateOnly April = D(2026, 4, 2);

    private static IndicatorScore DutyRate(RubricIndicator indicator, int onTime, int n) =>
        ScoreOne(indicator, Facts(March, April, duties: Duties(onTime, n, Due)));

    [Fact]
    public void Linear_to_target_is_proportional_below_the_target()
    {
        // 10 × (2/3) / 1 = 6.666… → 6.67
        var line = DutyRate(Linear("duty", 10m, Measures.DutyOnTimeRate), 2, 3);
        Assert.Equal(6.67m, line.Points);
        Assert.Equal((2, 3), (line.Numerator, line.Denominator!.Value));
        Assert.Equal(2d / 3, line.RawValue, 12);
        Assert.Equal(10m, line.MaxPoints);
    }

    [Fact]
    public void Linear_to_a_target_below_one_scales_to_the_target()
    {
        // 3 of 4 = 0.75; 10 × 0.75 / 0.8 = 9.375 → 9.38
        Assert.Equal(9.38m, DutyRate(Linear("duty", 10m, Measures.DutyOnTimeRate, 0.8m), 3, 4).Points);
    }

    [Fact]
    public void Linear_to_target_is_capped_at_the_weight_once_the_target_is_reached()
    {
        // 9 of 10 with target 0.8: min(0.9 / 0.8, 1) = 1 → the full 10, not 11.25
        Assert.Equal(10m, DutyRate(Linear("duty", 10m, Measures.DutyOnTimeRate, 0.8m), 9, 10).Points);
    }

    [Fact]
    public void Linear_counts_are_capped_too_so_more_outcomes_than_the_target_earn_nothing_extra()
    {
        var year = Period.Year(2025);
        var brands = Enumerable.Range(1, 5).Select(i => Brand(i, D(2025, i, 10)));
        var line = ScoreOne(Linear("brands", 5m, Measures.Brands, 2m), Facts(year, D(2026, 1, 5), records: brands));
        Assert.Equal((5, (int?)null, 5d), (line.Numerator, line.Denominator, line.RawValue));
        Assert.Equal(5m, line.Points);

        var one = ScoreOne(Linear("brands", 5m, Measures.Brands, 2m), Facts(year, D(2026, 1, 5), records: [Brand(1, D(2025, 6, 1))]));
        Assert.Equal(2.5m, one.Points);
    }

    [Fact]
    public void Linear_with_nothing_achieved_earns_nothing()
    {
        Assert.Equal(0m, DutyRate(Linear("duty", 10m, Measures.DutyOnTimeRate), 0, 4).Points);
    }

    [Fact]
    public void Threshold_exactly_at_the_target_earns_the_full_weight()
    {
        // 9 of 10 = 0.9 against 0.9: compared exactly (9 ≥ 0.9 × 10), no floating-point doubt
        Assert.Equal(7m, DutyRate(Threshold("duty", 7m, Measures.DutyOnTimeRate, 0.9m), 9, 10).Points);
    }

    [Fact]
    public void Threshold_just_below_the_target_earns_nothing()
    {
        Assert.Equal(0m, DutyRate(Threshold("duty", 7m, Measures.DutyOnTimeRate, 0.9m), 8, 10).Points);
        Assert.Equal(0m, DutyRate(Threshold("duty", 7m, Measures.DutyOnTimeRate, 0.9m), 17, 19).Points); // 0.8947…
    }

    [Fact]
    public void Threshold_of_one_third_is_reached_by_one_of_three()
    {
        // 1/3 is not exact in any binary or decimal fraction; 1 ≥ 0.3333 × 3 = 0.9999 passes, 0.3334 × 3 = 1.0002 does not
        Assert.Equal(4m, DutyRate(Threshold("duty", 4m, Measures.DutyOnTimeRate, 0.3333m), 1, 3).Points);
        Assert.Equal(0m, DutyRate(Threshold("duty", 4m, Measures.DutyOnTimeRate, 0.3334m), 1, 3).Points);
    }

    [Fact]
    public void Threshold_on_a_count()
    {
        var year = Period.Year(2025);
        var honours = new[] { Honour(1, D(2025, 3, 1)), Honour(2, D(2025, 9, 1)) };
        Assert.Equal(3m, ScoreOne(Threshold("honours", 3m, Measures.Honours, 2m), Facts(year, D(2026, 1, 5), records: honours)).Points);
        Assert.Equal(0m, ScoreOne(Threshold("honours", 3m, Measures.Honours, 3m), Facts(year, D(2026, 1, 5), records: honours)).Points);
    }

    private static IndicatorScore Overdue(RubricIndicator indicator, int overdue)
    {
        var findings = Enumerable.Range(1, overdue).Select(i => Finding($"f-{i}", D(2026, 3, i), sequences: [100 + i]));
        return ScoreOne(indicator, Facts(March, April, findings: findings));
    }

    [Fact]
    public void Deduction_per_miss_takes_per_miss_points_for_each_miss()
    {
        // 6 − 2 × 2 = 2
        var line = Overdue(Deduction("overdue", 6m, Measures.FindingsOverdue, 2m), 2);
        Assert.Equal(2m, line.Points);
        Assert.Equal((2, (int?)null, 2d), (line.Numerator, line.Denominator, line.RawValue));
        Assert.Equal([101L, 102L], line.Sequences);
        Assert.Equal(["f-1", "f-2"], line.Misses);
    }

    [Fact]
    public void Deduction_with_no_miss_keeps_the_full_weight()
    {
        Assert.Equal(6m, Overdue(Deduction("overdue", 6m, Measures.FindingsOverdue, 2m), 0).Points);
    }

    [Fact]
    public void Deduction_stops_at_zero_when_no_floor_is_given()
    {
        Assert.Equal(0m, Overdue(Deduction("overdue", 6m, Measures.FindingsOverdue, 2m), 3).Points); // 6 − 6
        Assert.Equal(0m, Overdue(Deduction("overdue", 6m, Measures.FindingsOverdue, 2m), 4).Points); // 6 − 8 → 0
    }

    [Fact]
    public void Deduction_stops_at_the_floor()
    {
        Assert.Equal(1.5m, Overdue(Deduction("overdue", 6m, Measures.FindingsOverdue, 2m, floor: 1.5m), 4).Points); // max(−2, 1.5)
        Assert.Equal(2m, Overdue(Deduction("overdue", 6m, Measures.FindingsOverdue, 2m, floor: 1.5m), 2).Points); // above the floor
    }

    [Fact]
    public void Deduction_of_half_a_point_per_miss()
    {
        // base-100 style: 5 − 0.5 × 3 = 3.5
        Assert.Equal(3.5m, Overdue(Deduction("overdue", 5m, Measures.FindingsOverdue, 0.5m), 3).Points);
    }

    [Fact]
    public void Indicator_points_round_half_away_from_zero()
    {
        // 24.65 × 1/2 = 12.325 → 12.33 (banker's rounding would give 12.32)
        Assert.Equal(12.33m, DutyRate(Linear("duty", 24.65m, Measures.DutyOnTimeRate), 1, 2).Points);

        // 0.05 × 1/2 = 0.025 → 0.03
        Assert.Equal(0.03m, DutyRate(Linear("duty", 0.05m, Measures.DutyOnTimeRate), 1, 2).Points);
    }
}
