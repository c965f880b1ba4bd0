using BranchLedger.Domain.Scoring;
using BranchLedger.Domain.Validation;
using static BranchLedger.Domain.Tests.Scoring.ScoringTestFacts;

namespace BranchLedger.Domain.Tests.Scoring;

public class RubricJsonTests
{
    private static readonly Rubric Sample = new(
        "city-rubric",
        7,
        "市直机关党支部考核（2026）",
        [
            new RubricCategory("life", "组织生活", "三会一课 “按期” 召开 <b>&</b>",
            [
                Linear("tmol", 49.5m, "obligation-rate:three-meetings-one-lecture", 0.90m, IndicatorScope.Branch),
                Threshold("reviews", 20.5m, "obligation-rate:party-building-review", 1m, IndicatorScope.Organisation),
            ]),
            new RubricCategory("fix", "整改", null,
            [
                Deduction("overdue", 20m, Measures.FindingsOverdue, 0.5m, floor: 0m),
                Deduction("missed", 5m, "obligation-missed:all", 1m),
                Linear("honours", 5m, Measures.Honours, 3m),
            ]),
        ],
        Bands);

    private const string Minimal = """
        {
          "id": "mini",
          "version": 1,
          "name": "最小",
          "categories": [
            {
              "id": "all",
              "name": "全部",
              "indicators": [
                { "id": "duty", "name": "责任", "weight": 100, "measure": "duty-on-time-rate", "rule": "linearToTarget", "target": 1, "appliesTo": "both" }
              ]
            }
          ],
          "gradeBands": [ { "id": "pass", "name": "合格", "minScore": 0 } ]
        }
        """;

    private static (Rubric? Rubric, IReadOnlyList<FieldViolation> Violations) Read(string? json)
    {
        var violations = new Violations();
        return (RubricJson.Read(json, violations), violations.Items);
    }

    private static IReadOnlyList<FieldViolation> Problems(string json)
    {
        var (rubric, violations) = Read(json);
        Assert.Null(rubric);
        Assert.NotEmpty(violations);
        return violations;
    }

    private static string Edit(string json, string from, string to)
    {
        Assert.Contains(from, json, StringComparison.Ordinal);
        return json.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_then_reading_gives_the_same_rubric()
    {
        var (read, violations) = Read(RubricJson.Write(Sample));
        Assert.Empty(violations);
        Assert.NotNull(read);
        Assert.Equal((Sample.Id, Sample.Version, Sample.Name), (read.Id, read.Version, read.Name));
        Assert.Equal(Sample.GradeBands, read.GradeBands);
        Assert.Equal(Sample.Categories.Count, read.Categories.Count);
        for (var i = 0; i < Sample.Categories.Count; i++)
        {
            Assert.Equal((Sample.Categories[i].Id, Sample.Categories[i].Name, Sample.Categories[i].Description),
                (read.Categories[i].Id, read.Categories[i].Name, read.Categories[i].Description));
            Assert.Equal(Sample.Categories[i].Indicators, read.Categories[i].Indicators);
        }
    }

    [Fact]
    public void Reading_then_writing_a_written_document_gives_the_same_text()
    {
        var written = RubricJson.Write(Sample);
        Assert.Equal(written, RubricJson.Write(Read(written).Rubric!));
        Assert.Contains("\"target\": 0.90,", written, StringComparison.Ordinal); // decimals keep their digits
    }

    [Fact]
    public void The_format_is_camel_case_with_enums_as_strings_and_optional_fields_left_out()
    {
        var written = RubricJson.Write(Sample);
        Assert.Contains("\"gradeBands\": [", written, StringComparison.Ordinal);
        Assert.Contains("\"rule\": \"linearToTarget\"", written, StringComparison.Ordinal);
        Assert.Contains("\"rule\": \"deductionPerMiss\"", written, StringComparison.Ordinal);
        Assert.Contains("\"appliesTo\": \"organisation\"", written, StringComparison.Ordinal);
        Assert.Contains("\"perMiss\": 0.5,", written, StringComparison.Ordinal);
        Assert.Contains("\"floor\": 0,", written, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"组织生活\"", written, StringComparison.Ordinal); // Chinese as is, not \u-escaped
        Assert.DoesNotContain("\"description\": null", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", written, StringComparison.Ordinal);
        Assert.EndsWith("}\n", written, StringComparison.Ordinal);

        var missed = Read(written).Rubric!.Indicators.Single(i => i.Id == "missed");
        Assert.Equal((null, 1m, null), (missed.Target, missed.PerMiss, missed.Floor));
    }

    [Fact]
    public void A_minimal_hand_written_document_reads()
    {
        var (rubric, violations) = Read(Minimal);
        Assert.Empty(violations);
        Assert.Equal(
            new RubricIndicator("duty", "责任", 100m, "duty-on-time-rate", ScoringRule.LinearToTarget, 1m, null, null, IndicatorScope.Both),
            Assert.Single(rubric!.Indicators));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_document_is_a_violation(string? json)
    {
        Assert.Equal("rubric", Assert.Single(Problems(json!)).Field);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"id\": \"mini\",}")]
    [InlineData("{\"id\": \"mini\" /* comment */}")]
    [InlineData("{} {}")]
    [InlineData("not json")]
    public void Malformed_json_is_one_violation_on_the_document_never_an_exception(string json)
    {
        var violation = Assert.Single(Problems(json));
        Assert.Equal("rubric", violation.Field);
        Assert.StartsWith("is not well-formed JSON", violation.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"rubric\"")]
    public void The_document_must_be_an_object(string json)
    {
        var violation = Assert.Single(Problems(json));
        Assert.Equal(("rubric", "must be a JSON object"), (violation.Field, violation.Description));
    }

    [Fact]
    public void A_repeated_field_is_refused()
    {
        var violation = Assert.Single(Problems(Edit(Minimal, "\"version\": 1,", "\"version\": 1, \"version\": 2,")));
        Assert.Contains("Duplicate", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_refused_at_its_path()
    {
        var violation = Assert.Single(Problems(Edit(Minimal, "\"target\": 1,", "\"target\": 1, \"cap\": 2,")));
        Assert.Equal("rubric.categories[0].indicators[0].cap", violation.Field);
    }

    [Fact]
    public void Wrong_types_are_reported_at_their_paths_each_once()
    {
        var json = Edit(Minimal, "\"weight\": 100", "\"weight\": \"100\"");
        json = Edit(json, "\"version\": 1", "\"version\": 1.5");
        json = Edit(json, "\"id\": \"duty\"", "\"id\": 7");
        json = Edit(json, "\"rule\": \"linearToTarget\"", "\"rule\": 1");
        Assert.Equal(
            [
                ("rubric.version", "must be a whole number (at most 2147483647)"),
                ("rubric.categories[0].indicators[0].id", "must be a string"),
                ("rubric.categories[0].indicators[0].weight", "must be a number"),
                ("rubric.categories[0].indicators[0].rule", "must be a string"),
            ],
            Problems(json).Select(v => (v.Field, v.Description)));
    }

    [Fact]
    public void Enum_values_are_spelt_exactly()
    {
        var json = Edit(Minimal, "\"linearToTarget\"", "\"LinearToTarget\"");
        json = Edit(json, "\"both\"", "\"all\"");
        Assert.Equal(
            [
                ("rubric.categories[0].indicators[0].rule", "'LinearToTarget' is not one of linearToTarget, threshold, deductionPerMiss"),
                ("rubric.categories[0].indicators[0].appliesTo", "'all' is not one of branch, organisation, both"),
            ],
            Problems(json).Select(v => (v.Field, v.Description)));
    }

    [Fact]
    public void Missing_required_fields_are_each_reported_once()
    {
        var json = Edit(Minimal, "\"weight\": 100, ", "");
        json = Edit(json, "\"measure\": \"duty-on-time-rate\", ", "");
        json = Edit(json, ", \"minScore\": 0", "");
        Assert.Equal(
            [
                ("rubric.categories[0].indicators[0].weight", "is required"),
                ("rubric.gradeBands[0].minScore", "is required"),
                ("rubric.categories[0].indicators[0].measure", "is required"),
            ],
            Problems(json).Select(v => (v.Field, v.Description)));
    }

    [Fact]
    public void Numbers_out_of_range_and_null_items_are_violations()
    {
        var json = Edit(Minimal, "\"target\": 1", "\"target\": 1e400");
        json = Edit(json, "\"gradeBands\": [ {", "\"gradeBands\": [ null, 5, {");
        Assert.Equal(
            [
                ("rubric.categories[0].indicators[0].target", "is out of range"),
                ("rubric.gradeBands[1]", "must be an object"),
                ("rubric.gradeBands[0]", "is required"),
            ],
            Problems(json).Select(v => (v.Field, v.Description)));
    }

    [Fact]
    public void A_well_formed_document_that_breaks_the_rules_gets_the_rules_violations()
    {
        var json = Edit(Minimal, "\"weight\": 100", "\"weight\": 90");
        json = Edit(json, "\"duty-on-time-rate\"", "\"meetings-held\"");
        Assert.Equal(
            ["rubric.categories[0].indicators[0].measure", "rubric.categories"],
            Problems(json).Select(v => v.Field));
    }

    [Fact]
    public void A_custom_prefix_names_the_request_field()
    {
        var violations = new Violations();
        Assert.Null(RubricJson.Read(Edit(Minimal, "\"version\": 1", "\"version\": 0"), violations, "rubric_json"));
        Assert.Equal("rubric_json.version", Assert.Single(violations.Items).Field);
    }

    [Fact]
    public void An_oversized_document_is_refused_before_parsing()
    {
        var json = Minimal + new string(' ', RubricJson.MaxLength);
        var violation = Assert.Single(Problems(json));
        Assert.Contains("at most", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_without_an_exception()
    {
        var json = "{\"categories\": " + new string('[', 100) + new string(']', 100) + "}";
        Assert.Equal("rubric", Assert.Single(Problems(json)).Field);
    }

    [Fact]
    public void Half_a_surrogate_pair_is_a_violation_not_an_exception()
    {
        var inValue = Problems(Edit(Minimal, "\"name\": \"最小\"", "\"name\": \"\\ud800\""));
        Assert.Equal("rubric.name", Assert.Single(inValue).Field);

        var inName = Problems(Edit(Minimal, "\"version\": 1,", "\"version\": 1, \"\\ud800\": 1,"));
        Assert.Equal(("rubric", "must not contain invalid Unicode escapes"), (Assert.Single(inName).Field, inName[0].Description));

        // not escaped but raw in the text: the parser could not even transcode it
        Assert.Equal("rubric", Assert.Single(Problems(Edit(Minimal, "最小", "最\uD800小"))).Field);
        Assert.Equal("rubric", Assert.Single(Problems(Edit(Minimal, "最小", "最\u0001小"))).Field);
    }

    [Fact]
    public void Control_characters_in_text_are_refused_by_the_rules()
    {
        var violation = Assert.Single(Problems(Edit(Minimal, "\"name\": \"最小\"", "\"name\": \"最\\u0000小\"")));
        Assert.Equal("rubric.name", violation.Field);
    }

    [Fact]
    public void A_leading_byte_order_mark_is_ignored()
    {
        var (rubric, violations) = Read("\uFEFF" + Minimal);
        Assert.Empty(violations);
        Assert.Equal("mini", rubric!.Id);
    }

    [Fact]
    public void No_truncation_or_corruption_of_a_real_document_throws()
    {
        var json = DefaultRubric.Json;
        for (var length = 0; length < json.TrimEnd().Length; length++)
        {
            var violations = new Violations();
            Assert.Null(RubricJson.Read(json[..length], violations));
            Assert.NotEmpty(violations.Items);
        }

        var random = new Random(20260401);
        char[] noise = ['"', '{', '}', '[', ']', ',', ':', '\\', '0', '-', 'e', ' ', '\uD800', '中'];
        for (var round = 0; round < 2000; round++)
        {
            var chars = json.ToCharArray();
            chars[random.Next(chars.Length)] = noise[random.Next(noise.Length)];
            RubricJson.Read(new string(chars), new Violations());
        }
    }
}
