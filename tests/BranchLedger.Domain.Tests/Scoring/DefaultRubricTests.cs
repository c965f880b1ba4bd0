using BranchLedger.Domain.Scoring;

namespace BranchLedger.Domain.Tests.Scoring;

public class DefaultRubricTests
{
    private static readonly Rubric Default = DefaultRubric.Load();

    [Fact]
    public void The_default_rubric_loads_and_passes_the_rules()
    {
        Assert.True(RubricRules.IsValid(Default));
        Assert.Equal(("branch-standardisation", 1), (Default.Id, Default.Version));
        Assert.Equal(100m, Default.Indicators.Sum(i => i.Weight));
        Assert.All(Default.Indicators, i => Assert.True(Measures.IsKnown(i.Measure), i.Measure));
    }

    [Fact]
    public void The_shipped_document_is_in_the_canonical_written_form()
    {
        Assert.Equal(DefaultRubric.Json, RubricJson.Write(Default));
    }

    [Fact]
    public void The_grade_bands_are_good_fairly_good_average_poor_at_90_80_60_0()
    {
        Assert.Equal(
            [("good", "好", 90m), ("fairly-good", "较好", 80m), ("average", "一般", 60m), ("poor", "差", 0m)],
            Default.GradeBands.Select(b => (b.Id, b.Name, b.MinScore)));
    }

    [Fact]
    public void The_table_is_the_documented_one()
    {
        Assert.Equal(
            [
                ("organisational-life", "three-meetings-one-lecture", 24m, "obligation-rate:three-meetings-one-lecture", ScoringRule.LinearToTarget, IndicatorScope.Branch),
                ("organisational-life", "theme-day", 8m, "obligation-rate:theme-day", ScoringRule.LinearToTarget, IndicatorScope.Branch),
                ("organisational-life", "annual-meetings", 8m, "obligation-rate:annual-meetings", ScoringRule.LinearToTarget, IndicatorScope.Both),
                ("leadership", "secretary-lecture", 4m, "obligation-rate:secretary-lecture", ScoringRule.Threshold, IndicatorScope.Branch),
                ("leadership", "theory-study-group", 6m, "obligation-rate:theory-study-group", ScoringRule.LinearToTarget, IndicatorScope.Organisation),
                ("members", "talk-coverage", 8m, "talk-coverage", ScoringRule.LinearToTarget, IndicatorScope.Branch),
                ("responsibilities", "duty-on-time", 10m, "duty-on-time-rate", ScoringRule.LinearToTarget, IndicatorScope.Both),
                ("responsibilities", "quarterly-reviews", 6m, "obligation-rate:party-building-review", ScoringRule.LinearToTarget, IndicatorScope.Organisation),
                ("remediation", "findings-on-time", 10m, "findings-closed-on-time-rate", ScoringRule.LinearToTarget, IndicatorScope.Both),
                ("remediation", "findings-overdue", 6m, "findings-overdue", ScoringRule.DeductionPerMiss, IndicatorScope.Both),
                ("outcomes", "brands", 5m, "brands", ScoringRule.LinearToTarget, IndicatorScope.Both),
                ("outcomes", "honours", 5m, "honours", ScoringRule.LinearToTarget, IndicatorScope.Both),
            ],
            Default.Categories.SelectMany(c => c.Indicators.Select(i => (c.Id, i.Id, i.Weight, i.Measure, i.Rule, i.AppliesTo))));

        var overdue = Default.Indicators.Single(i => i.Id == "findings-overdue");
        Assert.Equal((2m, 0m), (overdue.PerMiss!.Value, overdue.Floor!.Value));
        Assert.Equal(2m, Default.Indicators.Single(i => i.Id == "honours").Target);
    }

    [Fact]
    public void Branches_are_scored_on_88_points_and_organisations_on_56_before_renormalising()
    {
        Assert.Equal(88m, Default.Indicators.Where(i => i.AppliesTo != IndicatorScope.Organisation).Sum(i => i.Weight));
        Assert.Equal(56m, Default.Indicators.Where(i => i.AppliesTo != IndicatorScope.Branch).Sum(i => i.Weight));
    }

    [Fact]
    public void Loading_twice_gives_the_same_instance()
    {
        Assert.Same(Default, DefaultRubric.Load());
    }
}
