using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Scoring;
using static BranchLedger.Domain.Tests.ObligationTestFacts;
using static BranchLedger.Domain.Tests.Scoring.ScoringTestFacts;

namespace BranchLedger.Domain.Tests.Scoring;

/// <summary>Organisation and tenant scores: the unweighted mean of branch totals, with the spread.</summary>
public class ScoreAggregateTests
{
    private static ScoreAggregate Of(params decimal?[] totals) => ScoreAggregate.Of(totals, Bands);

    [Fact]
    public void An_even_number_of_branches()
    {
        // mean (90 + 80 + 70 + 60) / 4 = 75; median (70 + 80) / 2 = 75;
        // σ = √((15² + 5² + 5² + 15²) / 4) = √125 = 11.180… → 11.18
        var aggregate = Of(90m, 80m, 70m, 60m);
        Assert.Equal((4, 0), (aggregate.Count, aggregate.NotAssessable));
        Assert.Equal((75m, 75m, 60m, 90m, 11.18m), (aggregate.Mean!.Value, aggregate.Median!.Value, aggregate.Min!.Value, aggregate.Max!.Value, aggregate.StandardDeviation!.Value));
        Assert.Equal("average", aggregate.Grade!.Id);
        Assert.Equal([("good", 1), ("fairly-good", 1), ("average", 2), ("poor", 0)], aggregate.GradeCounts.Select(g => (g.BandId, g.Count)));
    }

    [Fact]
    public void An_odd_number_of_branches_in_any_order()
    {
        // mean 238.75 / 3 = 79.583… → 79.58 (一般: just below 80); median 85.5;
        // σ = √((18.333…² + 5.916…² + 12.416…²) / 3) = √175.097… = 13.232… → 13.23
        var aggregate = Of(92m, 61.25m, 85.5m);
        Assert.Equal((79.58m, 85.5m, 61.25m, 92m, 13.23m), (aggregate.Mean!.Value, aggregate.Median!.Value, aggregate.Min!.Value, aggregate.Max!.Value, aggregate.StandardDeviation!.Value));
        Assert.Equal("一般", aggregate.Grade!.Name);
    }

    [Fact]
    public void Every_branch_counts_once_however_large()
    {
        var aggregate = Of(100m);
        Assert.Equal((1, 100m, 100m, 0m), (aggregate.Count, aggregate.Mean!.Value, aggregate.Median!.Value, aggregate.StandardDeviation!.Value));
    }

    [Fact]
    public void Branches_without_a_total_are_left_out_and_counted_apart()
    {
        var aggregate = Of(null, 80m, null);
        Assert.Equal((1, 2, 80m), (aggregate.Count, aggregate.NotAssessable, aggregate.Mean!.Value));
    }

    [Fact]
    public void No_branch_with_a_total_gives_no_figures()
    {
        var aggregate = Of((decimal?)null);
        Assert.Equal((0, 1), (aggregate.Count, aggregate.NotAssessable));
        Assert.Null(aggregate.Mean);
        Assert.Null(aggregate.Median);
        Assert.Null(aggregate.StandardDeviation);
        Assert.Null(aggregate.Grade);
        Assert.All(aggregate.GradeCounts, g => Assert.Equal(0, g.Count));
        Assert.Equal(0, ScoreAggregate.Of([], Bands).Count);
    }

    [Fact]
    public void The_mean_rounds_half_away_from_zero_and_the_grade_is_that_of_the_rounded_mean()
    {
        // (89.99 + 90) / 2 = 89.995 → 90.00 → 好, though one branch is 较好
        var aggregate = Of(89.99m, 90m);
        Assert.Equal((90m, 90m), (aggregate.Mean!.Value, aggregate.Median!.Value));
        Assert.Equal("good", aggregate.Grade!.Id);
        Assert.Equal([1, 1, 0, 0], aggregate.GradeCounts.Select(g => g.Count));
        Assert.Equal(0.01m, aggregate.StandardDeviation); // σ = 0.005 → 0.01
    }

    [Fact]
    public void Sheets_are_aggregated_by_their_totals()
    {
        var rubric = RubricOf(Linear("duty", 100m, Measures.DutyOnTimeRate));
        var march = Period.Month(2026, 3);
        var sheets = new[] { (3, 4), (1, 1), (0, 0) }
            .Select(x => Scorer.Score(rubric, Facts(march, D(2026, 4, 2), duties: Duties(x.Item1, x.Item2, D(2026, 3, 20)))))
            .ToList();
        var aggregate = ScoreAggregate.Of(sheets, rubric);

        // 75 and 100; the third branch had nothing to judge → mean 87.5, σ 12.5
        Assert.Equal((2, 1, 87.5m, 12.5m), (aggregate.Count, aggregate.NotAssessable, aggregate.Mean!.Value, aggregate.StandardDeviation!.Value));
        Assert.Equal("fairly-good", aggregate.Grade!.Id);
    }

    [Fact]
    public void Sheets_of_another_rubric_version_are_refused()
    {
        var rubric = RubricOf(Linear("duty", 100m, Measures.DutyOnTimeRate));
        var sheet = Scorer.Score(rubric, Facts(Period.Month(2026, 3), D(2026, 4, 2)));
        Assert.Throws<ArgumentException>(() => ScoreAggregate.Of([sheet], rubric with { Version = 2 }));
    }
}
