using System.Text.Json.Nodes;
using BranchLedger.Domain.Validation;
using BranchLedger.Reports;

namespace BranchLedger.Reports.Tests;

/// <summary>What a tenant's report template must be before it is stored: every problem a field violation, all at once.</summary>
public class ReportTemplateRulesTests
{
    private static string Default => ReportTemplate.AnnualReportZhJson;

    private static (ReportTemplate? Template, IReadOnlyList<FieldViolation> Violations) Read(string? json)
    {
        var violations = new Violations();
        return (ReportTemplateRules.Read(json, violations), violations.Items);
    }

    private static IReadOnlyList<string> Fields(string? json)
    {
        var (template, violations) = Read(json);
        Assert.Null(template);
        Assert.NotEmpty(violations);
        return [.. violations.Select(v => v.Field)];
    }

    private static JsonObject DefaultRoot => JsonNode.Parse(Default)!.AsObject();

    // The first section with two paragraphs or more (the template's shape is data: no fixed index).
    private static int ParagraphsAt(JsonObject root) =>
        root["sections"]!.AsArray().Select((s, i) => (s, i)).First(x => x.s!["paragraphs"] is JsonArray { Count: >= 2 }).i;

    private static JsonArray Paragraphs(JsonObject root) => root["sections"]![ParagraphsAt(root)]!["paragraphs"]!.AsArray();

    private static string Edit(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Default)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    [Fact]
    public void The_platform_default_is_a_valid_template()
    {
        var (template, violations) = Read(Default);
        Assert.Empty(violations);
        Assert.NotNull(template);
        Assert.Equal(ReportTemplate.AnnualReportZh.Figures.Keys.Order(), template.Figures.Keys.Order());
    }

    [Fact]
    public void Empty_oversized_and_malformed_documents_name_the_field()
    {
        Assert.Equal(["template_json"], Fields(null));
        Assert.Equal(["template_json"], Fields("  "));
        Assert.Equal(["template_json"], Fields(new string(' ', ReportTemplateRules.MaxJsonLength) + "{}"));
        Assert.Equal(["template_json"], Fields("{\"title\": "));
        Assert.Equal(["template_json"], Fields("[]"));
        Assert.Equal(["template_json"], Fields("{\"title\": \"a\u0001\"}"));
    }

    [Fact]
    public void An_unknown_or_missing_field_is_refused_not_ignored()
    {
        var misspelt = Edit(r => r["titel"] = "x");
        var (_, violations) = Read(misspelt);
        var v = Assert.Single(violations);
        Assert.Equal("template_json", v.Field);
        Assert.Contains("titel", v.Description, StringComparison.Ordinal);

        Assert.Equal(["template_json"], Fields(Edit(r => r.Remove("appendix"))));
    }

    [Fact]
    public void Unknown_placeholders_are_named_where_they_are()
    {
        var json = Edit(r =>
        {
            r["title"] = "{organisation}{orgnisation}";
            Paragraphs(r)[1] = "{duties.due}{no-such-figure}";
            r["figures"]!["meetings.party-group"]!["some"] = "党组会{n}次{year}";
            r["figures"]!["meetings.party-group"]!["none"] = "无{n}";
            r["appendix"]!["figureHeading"] = "{label}{organisation}";
        });

        var (_, violations) = Read(json);
        Assert.Equal(
            ["template_json.appendix.figureHeading", "template_json.figures.meetings.party-group.none", "template_json.figures.meetings.party-group.some",
             $"template_json.sections[{ParagraphsAt(DefaultRoot)}].paragraphs[1]", "template_json.title"],
            violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Contains("{orgnisation}", violations.Single(v => v.Field == "template_json.title").Description, StringComparison.Ordinal);
        Assert.Contains("{no-such-figure}", violations.Single(v => v.Field == $"template_json.sections[{ParagraphsAt(DefaultRoot)}].paragraphs[1]").Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_figures_sentences_and_bad_levels_are_refused()
    {
        var json = Edit(r =>
        {
            r["figures"]!["meetings.no-such"] = new JsonObject { ["label"] = "x", ["some"] = "{n}", ["none"] = "无" };
            r["sentences"] = new JsonObject { ["no-such-kind"] = "句子" };
            r["sections"]![1]!["level"] = 7;
        });

        Assert.Equal(
            ["template_json.figures.meetings.no-such", "template_json.sections[1].level", "template_json.sentences.no-such-kind"],
            Fields(json).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_sentence_may_not_hold_a_sentence_slot()
    {
        var kind = Domain.Ledger.Catalogue.RecordCatalogue.Kinds.First(k => k.Sentence is not null);
        var json = Edit(r => r["sentences"] = new JsonObject { [kind.BodyField] = "{" + ReportTemplate.SentenceSlot + kind.Sentence!.Slot + "}" });
        Assert.Equal([$"template_json.sentences.{kind.BodyField}"], Fields(json));
    }

    [Fact]
    public void A_template_without_the_preamble_or_a_self_assessment_part_is_refused()
    {
        var json = Edit(r =>
        {
            var sections = r["sections"]!.AsArray();
            sections.Remove(sections.First(s => s!["paragraphs"] is JsonArray p && p.Any(t => (string?)t == "{preamble}")));
            // The next steps come in the sample's headed groups (（一）…（四）): every one loses its part.
            foreach (var next in sections.Where(s => (string?)s!["selfAssessment"] == "NextStep").ToList())
            {
                next!.AsObject().Remove("selfAssessment");
                next.AsObject().Remove("group");
            }
        });

        var (_, violations) = Read(json);
        Assert.Equal(2, violations.Count);
        Assert.All(violations, v => Assert.Equal("template_json.sections", v.Field));
        Assert.Contains(violations, v => v.Description.Contains("{preamble}", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Description.Contains("NextStep", StringComparison.Ordinal));
    }

    [Fact]
    public void Size_limits_and_table_shapes_are_checked()
    {
        var json = Edit(r =>
        {
            r["sections"]![1]!["heading"] = new string('长', ReportTemplateRules.MaxTextLength + 1);
            r["appendix"]!["nodeColumns"] = new JsonArray("单位");
            r["ordinals"] = new JsonArray();
        });

        Assert.Equal(
            ["template_json.appendix.nodeColumns", "template_json.ordinals", "template_json.sections[1].heading"],
            Fields(json).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_phrase_may_write_its_count_in_Chinese_numerals_and_an_all_form_needs_exactly_one_whole()
    {
        // Accepted: {n:zh}, and an "all" form against a fixed whole or a figure, with its named variant.
        var (template, violations) = Read(Edit(r =>
        {
            r["figures"]!["meetings.symposium"] = new JsonObject { ["label"] = "座谈会", ["some"] = "召开座谈会{n:zh}次", ["none"] = "座谈会暂无" };
            r["figures"]!["reviews.held"] = new JsonObject
            {
                ["label"] = "汇报", ["some"] = "听取汇报{n}次", ["all"] = "每季度听取", ["allNamed"] = "通过{names}每季度听取", ["allAt"] = 4, ["none"] = "汇报暂无",
            };
        }));
        Assert.Empty(violations);
        Assert.Equal(4, template!.Figures["reviews.held"].AllAt);

        // Refused: an unknown format option or placeholder in each form, a whole missing or given twice, an unknown figure, a whole out of range,
        // and the "all" parts without "all".
        Assert.Equal(
        [
            "template_json.figures.meetings.symposium.some",
            "template_json.figures.reviews.held.all",
            "template_json.figures.reviews.held.allNamed",
            "template_json.figures.reviews.quarters-covered.all",
            "template_json.figures.talks.group.all",
            "template_json.figures.talks.group.allAt",
            "template_json.figures.talks.group.allOf",
            "template_json.figures.talks.integrity.allNamed",
            "template_json.figures.talks.reminder.allAt",
        ],
        Fields(Edit(r =>
        {
            r["figures"]!["meetings.symposium"]!["some"] = "召开座谈会{n:xx}次";
            r["figures"]!["reviews.held"] = new JsonObject
            {
                ["label"] = "汇报", ["some"] = "听取汇报{n}次", ["all"] = "每季度{nope}", ["allNamed"] = "通过{names:zh}", ["allAt"] = 4, ["none"] = "汇报暂无",
            };
            r["figures"]!["reviews.quarters-covered"]!["allOf"] = "reviews.held";
            r["figures"]!["talks.group"] = new JsonObject { ["label"] = "谈话", ["some"] = "{n}", ["all"] = "全部", ["allOf"] = "no.such", ["allAt"] = 0, ["none"] = "暂无" };
            r["figures"]!["talks.integrity"] = new JsonObject { ["label"] = "谈话", ["some"] = "{n}", ["allNamed"] = "全部{names}", ["none"] = "暂无" };
            r["figures"]!["talks.reminder"] = new JsonObject { ["label"] = "谈话", ["some"] = "{n}", ["all"] = "全部", ["allAt"] = ReportTemplateRules.MaxAllAt + 1, ["none"] = "暂无" };
        })).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_violation_reads_in_Chinese()
    {
        var kind = Domain.Ledger.Catalogue.RecordCatalogue.Kinds.First(k => k.Sentence is not null);
        var inputs = new[]
        {
            null, "{\"title\": ", new string(' ', ReportTemplateRules.MaxJsonLength + 1),
            Edit(r =>
            {
                r["title"] = "{nope}";
                r["sections"]![1]!["level"] = 9;
                r["sections"]!.AsArray().Add(new JsonObject { ["level"] = 2, ["selfAssessment"] = "Unspecified" });
                r["ordinals"] = new JsonArray();
                r["appendix"]!["nodeColumns"] = new JsonArray("单位");
                r["figures"]!["no.such"] = new JsonObject { ["label"] = "x", ["some"] = "{n}", ["none"] = "无" };
                r["sentences"] = new JsonObject { ["no-such-kind"] = "x", [kind.BodyField] = "{nope}" };
                r["figures"]!["talks.group"] = new JsonObject { ["label"] = "谈话", ["some"] = "{n}", ["all"] = "全部", ["allOf"] = "talks.held", ["allAt"] = 0, ["none"] = "暂无" };
                r["figures"]!["talks.integrity"] = new JsonObject { ["label"] = "谈话", ["some"] = "{n}", ["allNamed"] = "全部", ["none"] = "暂无" };
            }),
            Edit(r =>
            {
                var sections = r["sections"]!.AsArray();
                sections.Remove(sections.First(s => s!["paragraphs"] is JsonArray p && p.Any(t => (string?)t == "{preamble}")));
                sections.Remove(sections.First(s => (string?)s!["selfAssessment"] == "Cause"));
                sections[1]!["paragraphs"] = new JsonArray([.. Enumerable.Range(0, ReportTemplateRules.MaxParagraphs + 1).Select(_ => (JsonNode?)JsonValue.Create("段"))]);
            }),
        };

        var descriptions = inputs.SelectMany(json => Read(json).Violations).Select(v => v.Description).ToList();
        Assert.True(descriptions.Count >= 12, string.Join("\n", descriptions));
        Assert.All(descriptions, d => Assert.NotEqual(ChineseDescriptions.Fallback, ChineseDescriptions.Of(d)));
    }

    [Fact]
    public void The_preamble_is_limited_free_text()
    {
        Assert.True(ReportTemplateRules.Preamble(new Violations(), "text", "").IsEmpty);
        Assert.True(ReportTemplateRules.Preamble(new Violations(), "text", "今年是党的二十大召开之年。<b>*强调*</b>").IsEmpty);
        Assert.Equal("text", Assert.Single(ReportTemplateRules.Preamble(new Violations(), "text", new string('字', ReportTemplateRules.MaxPreambleLength + 1)).Items).Field);
        Assert.Equal("text", Assert.Single(ReportTemplateRules.Preamble(new Violations(), "text", "a\u0000b").Items).Field);
    }
}
