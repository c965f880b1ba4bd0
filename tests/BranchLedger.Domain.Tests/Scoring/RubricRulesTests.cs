using BranchLedger.Domain.Scoring;
using BranchLedger.Domain.Validation;
using static BranchLedger.Domain.Tests.Scoring.ScoringTestFacts;

namespace BranchLedger.Domain.Tests.Scoring;

public class RubricRulesTests
{
    private static readonly Rubric Valid = new(
        "city-rubric",
        2,
        "市直机关党支部考核",
        [
            new RubricCategory("life", "组织生活", null,
            [
                Linear("tmol", 50m, "obligation-rate:three-meetings-one-lecture"),
                Threshold("duty", 20m, Measures.DutyOnTimeRate, 0.9m),
            ]),
            new RubricCategory("fix", "整改", "巡察整改",
            [
                Deduction("overdue", 20m, Measures.FindingsOverdue, 2m, floor: 5m),
                Linear("brands", 10m, Measures.Brands, 3m, IndicatorScope.Organisation),
            ]),
        ],
        Bands);

    private static IReadOnlyList<FieldViolation> Check(Rubric rubric) => RubricRules.Check(rubric, new Violations()).Items;

    private static Rubric WithIndicator(int category, int index, Func<RubricIndicator, RubricIndicator> change)
    {
        var categories = Valid.Categories.ToList();
        var indicators = categories[category].Indicators.ToList();
        indicators[index] = change(indicators[index]);
        categories[category] = categories[category] with { Indicators = indicators };
        return Valid with { Categories = categories };
    }

    private static void AssertOnly(Rubric rubric, string field, string containing)
    {
        var violation = Assert.Single(Check(rubric));
        Assert.Equal(field, violation.Field);
        Assert.Contains(containing, violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_well_formed_rubric_passes()
    {
        Assert.Empty(Check(Valid));
        Assert.True(RubricRules.IsValid(Valid));
    }

    [Fact]
    public void Id_version_and_name_are_checked()
    {
        var violations = Check(Valid with { Id = "City Rubric", Version = 0, Name = " " });
        Assert.Equal(["rubric.id", "rubric.version", "rubric.name"], violations.Select(v => v.Field));
    }

    [Fact]
    public void The_prefix_names_the_request_field()
    {
        var violation = Assert.Single(RubricRules.Check(Valid with { Version = -1 }, new Violations(), "import.rubric").Items);
        Assert.Equal("import.rubric.version", violation.Field);
    }

    [Fact]
    public void Weights_must_add_up_to_exactly_100()
    {
        AssertOnly(WithIndicator(0, 0, i => i with { Weight = 49.99m }), "rubric.categories", "add up to 99.99");
        AssertOnly(WithIndicator(0, 0, i => i with { Weight = 51m }), "rubric.categories", "add up to 101");
    }

    [Fact]
    public void A_weight_must_be_positive_with_at_most_two_decimals()
    {
        // a broken weight is reported once, not again as a wrong sum
        AssertOnly(WithIndicator(0, 1, i => i with { Weight = 0m }), "rubric.categories[0].indicators[1].weight", "greater than 0");
        AssertOnly(WithIndicator(0, 1, i => i with { Weight = 19.995m }), "rubric.categories[0].indicators[1].weight", "2 decimal places");
        AssertOnly(WithIndicator(0, 1, i => i with { Weight = 120m }), "rubric.categories[0].indicators[1].weight", "at most 100");
    }

    [Fact]
    public void Indicator_ids_are_slugs_unique_across_the_whole_rubric()
    {
        AssertOnly(WithIndicator(1, 1, i => i with { Id = "tmol" }), "rubric.categories[1].indicators[1].id", "rubric.categories[0].indicators[0]");
        AssertOnly(WithIndicator(1, 1, i => i with { Id = "品牌" }), "rubric.categories[1].indicators[1].id", "a-z");
    }

    [Fact]
    public void Category_ids_are_unique_and_categories_hold_indicators()
    {
        var duplicate = Valid with { Categories = [Valid.Categories[0], Valid.Categories[1] with { Id = "life" }] };
        AssertOnly(duplicate, "rubric.categories[1].id", "rubric.categories[0]");

        var empty = Valid with { Categories = [Valid.Categories[0], Valid.Categories[1] with { Indicators = [] }] };
        Assert.Contains(Check(empty), v => v.Field == "rubric.categories[1].indicators");

        Assert.Equal("rubric.categories", Assert.Single(Check(Valid with { Categories = [] })).Field);
    }

    [Fact]
    public void Measures_must_be_from_the_closed_set()
    {
        AssertOnly(WithIndicator(0, 0, i => i with { Measure = "meetings-held" }), "rubric.categories[0].indicators[0].measure", "not a known measure");
        AssertOnly(WithIndicator(0, 0, i => i with { Measure = "" }), "rubric.categories[0].indicators[0].measure", "is required");
    }

    [Fact]
    public void Linear_and_threshold_need_a_positive_target_within_the_measures_range()
    {
        AssertOnly(WithIndicator(0, 0, i => i with { Target = null }), "rubric.categories[0].indicators[0].target", "is required");
        AssertOnly(WithIndicator(0, 0, i => i with { Target = 0m }), "rubric.categories[0].indicators[0].target", "greater than 0");
        AssertOnly(WithIndicator(0, 1, i => i with { Target = 1.1m }), "rubric.categories[0].indicators[1].target", "rate");
        AssertOnly(WithIndicator(1, 1, i => i with { Target = 1001m }), "rubric.categories[1].indicators[1].target", "at most 1000");
        Assert.Empty(Check(WithIndicator(1, 1, i => i with { Target = 1000m })));
    }

    [Fact]
    public void Fields_of_another_rule_must_be_left_out()
    {
        AssertOnly(WithIndicator(0, 0, i => i with { PerMiss = 1m }), "rubric.categories[0].indicators[0].perMiss", "not used");
        AssertOnly(WithIndicator(0, 0, i => i with { Floor = 0m }), "rubric.categories[0].indicators[0].floor", "not used");
        AssertOnly(WithIndicator(1, 0, i => i with { Target = 1m }), "rubric.categories[1].indicators[0].target", "not used");
    }

    [Fact]
    public void A_deduction_needs_a_per_miss_within_the_weight_and_a_floor_below_it()
    {
        const string path = "rubric.categories[1].indicators[0]";
        AssertOnly(WithIndicator(1, 0, i => i with { PerMiss = null }), path + ".perMiss", "is required");
        AssertOnly(WithIndicator(1, 0, i => i with { PerMiss = 0m }), path + ".perMiss", "greater than 0");
        AssertOnly(WithIndicator(1, 0, i => i with { PerMiss = 20.5m }), path + ".perMiss", "must not exceed the weight");
        AssertOnly(WithIndicator(1, 0, i => i with { Floor = 20m }), path + ".floor", "below the weight");
        AssertOnly(WithIndicator(1, 0, i => i with { Floor = -1m }), path + ".floor", "negative");
        Assert.Empty(Check(WithIndicator(1, 0, i => i with { Floor = null, PerMiss = 20m })));
    }

    [Fact]
    public void Rules_must_suit_their_measure()
    {
        AssertOnly(
            WithIndicator(0, 0, i => i with { Rule = ScoringRule.DeductionPerMiss, Target = null, PerMiss = 1m }),
            "rubric.categories[0].indicators[0].rule",
            "counts misses");
        AssertOnly(
            WithIndicator(1, 0, i => i with { Rule = ScoringRule.LinearToTarget, Target = 3m, PerMiss = null, Floor = null }),
            "rubric.categories[1].indicators[0].rule",
            "deductionPerMiss");
    }

    [Fact]
    public void Rule_and_scope_must_be_set()
    {
        var violations = Check(WithIndicator(0, 0, i => i with { Rule = ScoringRule.Unspecified, AppliesTo = IndicatorScope.Unspecified }));
        Assert.Equal(
            ["rubric.categories[0].indicators[0].appliesTo", "rubric.categories[0].indicators[0].rule"],
            violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Equal(
            "rubric.categories[0].indicators[0].rule",
            Assert.Single(Check(WithIndicator(0, 0, i => i with { Rule = (ScoringRule)9 }))).Field);
    }

    [Fact]
    public void Grade_bands_are_listed_highest_first_and_the_last_starts_at_zero()
    {
        AssertOnly(
            Valid with { GradeBands = [Bands[0], Bands[2], Bands[1], Bands[3]] },
            "rubric.gradeBands[2].minScore",
            "below the minScore of the band before it (60)");
        AssertOnly(Valid with { GradeBands = [Bands[0], Bands[1], Bands[2]] }, "rubric.gradeBands[2].minScore", "start at 0");
        AssertOnly(Valid with { GradeBands = [Bands[0] with { MinScore = 100.5m }, Bands[3]] }, "rubric.gradeBands[0].minScore", "between 0 and 100");
        AssertOnly(Valid with { GradeBands = [Bands[0], Bands[1] with { Id = "good" }, Bands[3]] }, "rubric.gradeBands[1].id", "rubric.gradeBands[0]");
        AssertOnly(Valid with { GradeBands = [Bands[0] with { Name = "" }, Bands[3]] }, "rubric.gradeBands[0].name", "is required");
        AssertOnly(Valid with { GradeBands = [] }, "rubric.gradeBands", "at least one");
        Assert.Empty(Check(Valid with { GradeBands = [new GradeBand("pass", "合格", 0m)] }));
        Assert.Empty(Check(Valid with { GradeBands = [new GradeBand("top", "满分", 100m), new GradeBand("rest", "其他", 0m)] }));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var broken = Valid with
        {
            Id = "x",
            Categories =
            [
                new RubricCategory("life", "组织生活", null,
                [
                    Linear("tmol", 50m, "obligation-rate:nope"),
                    Threshold("duty", 20m, Measures.DutyOnTimeRate, 0m),
                ]),
            ],
            GradeBands = [Bands[1], Bands[0]],
        };
        Assert.Equal(
            [
                "rubric.id",
                "rubric.categories[0].indicators[0].measure",
                "rubric.categories[0].indicators[1].target",
                "rubric.categories",
                "rubric.gradeBands[1].minScore",
                "rubric.gradeBands[1].minScore",
            ],
            Check(broken).Select(v => v.Field));
    }
}
