using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Reports;

namespace BranchLedger.Reports.Tests;

/// <summary>
/// The default template takes a kind's figure wording and sentence from its catalogue entry unless it words
/// them itself; moving 主题活动's wording from the template into its entry changed no byte of the report.
/// </summary>
public sealed class CatalogueWordingTests
{
    private static readonly ReportTemplate Template = ReportTemplate.AnnualReportZh;

    private static ReportTemplate BeforeEntries()
    {
        using var stream = typeof(CatalogueWordingTests).Assembly.GetManifestResourceStream("annual-report.before-entries.zh.json")!;
        return ReportTemplate.Parse(stream);
    }

    // Every figure counted, each with a number of its own, so every phrase of both templates is exercised.
    private static ReportFigures EveryFigureCounted()
    {
        var empty = AnnualReportFigures.Compute(ReportFacts.Empty, SampleFacts.Year);
        return new ReportFigures(empty.Year,
            [.. empty.Figures.Select((f, i) => f with { Value = i + 2, Sources = [new RecordRef(SampleFacts.Group, i + 1)] })],
            empty.SelfAssessment);
    }

    [Fact]
    public void The_report_is_byte_identical_to_the_one_the_template_wrote_inline()
    {
        // Kinds whose entries came after that template are left out of the new one for the comparison.
        var later = RecordCatalogue.Entries.Where(e => e.Id != "activity").ToDictionary(e => e.BodyField, _ => "", StringComparer.Ordinal);
        var now = Template with { Sentences = later };
        foreach (var figures in new[] { EveryFigureCounted(), AnnualReportFigures.Compute(ReportFacts.Empty, SampleFacts.Year) })
        {
            Assert.Equal(
                SampleFacts.Markdown(AnnualReportComposer.Compose(BeforeEntries(), figures, SampleFacts.Context())),
                SampleFacts.Markdown(AnnualReportComposer.Compose(now, figures, SampleFacts.Context())));
        }
    }

    [Fact]
    public void The_activity_sentence_comes_from_its_entry_at_its_slot()
    {
        var body = SampleFacts.Body(SampleFacts.Compose(EveryFigureCounted()));
        var activity = RecordCatalogue.Find("activity")!;
        Assert.Equal("party-spirit", activity.Sentence!.Slot);
        Assert.DoesNotContain("activities.", string.Concat(Template.Sections.SelectMany(s => s.Paragraphs ?? [])), StringComparison.Ordinal);
        // The entry's counts, then the sample's 围绕…，组织开展…等活动，带头深入基层宣讲… closing the paragraph.
        Assert.Matches(@"开展民主评议党员\d+次。组织开展重温入党誓词、现场参观学习等主题活动\d+次（重温入党誓词\d+次、现场参观学习\d+次、宣讲\d+次、志愿活动\d+次），参加\d+人次。围绕", body);
        Assert.Matches(@"引导党员干部在聚焦中心主业、遂行重大任务中持续深化党性锻炼。\n", body);
        Assert.Equal(activity.Report.Single(c => c.Key == "activities.total").Wording!.Some, Template.Figures["activities.total"].Some);
    }

    [Fact]
    public void Every_entrys_slot_is_a_placeholder_of_the_default_template()
    {
        var paragraphs = string.Concat(Template.Sections.SelectMany(s => s.Paragraphs ?? []));
        Assert.All(RecordCatalogue.Kinds.Where(k => k.Sentence is not null),
            k => Assert.Contains("{" + ReportTemplate.SentenceSlot + k.Sentence!.Slot + "}", paragraphs, StringComparison.Ordinal));
    }

    [Fact]
    public void A_template_that_words_a_kind_itself_overrides_its_entry()
    {
        var reworded = Template with
        {
            Sentences = new Dictionary<string, string>(StringComparer.Ordinal) { ["activity"] = "开展主题活动：{activities.total}。" },
            Figures = new Dictionary<string, FigurePhrase>(Template.Figures, StringComparer.Ordinal)
            {
                ["activities.total"] = new("主题活动", "主题活动共{n}场", "主题活动暂无"),
            },
        };
        var figures = EveryFigureCounted();
        var text = SampleFacts.Markdown(AnnualReportComposer.Compose(reworded, figures, SampleFacts.Context()));
        var total = figures["activities.total"].Value;

        Assert.Contains($"开展主题活动：主题活动共{total}场。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("组织开展重温入党誓词", text, StringComparison.Ordinal);
    }
}
