using System.Text.RegularExpressions;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Markdig;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace BranchLedger.Reports.Tests;

/// <summary>The year's preamble is the office's free text: placed at {preamble}, plain text in Markdown and Word, left out when there is none.</summary>
public sealed partial class PreambleTests
{
    private const string Occasion = "今年是党的二十大召开之年。";

    private static ReportDocument Report(string? preamble) => AnnualReportComposer.Compose(
        ReportTemplate.AnnualReportZh,
        AnnualReportFigures.Compute(new SampleFacts().Meetings(MeetingKind.TheoryStudyGroup, 1).Facts, SampleFacts.Year),
        SampleFacts.Context(),
        preamble);

    [Fact]
    public void The_preamble_opens_the_report_body()
    {
        var document = Report(Occasion);
        var first = Assert.IsType<ParagraphBlock>(document.Blocks[0]);
        Assert.Equal(Occasion, first.Text);
        Assert.StartsWith($"{SampleFacts.Year}年，我坚持", Assert.IsType<ParagraphBlock>(document.Blocks[1]).Text);
    }

    [Fact]
    public void Without_a_preamble_the_report_is_as_before()
    {
        var none = SampleFacts.Markdown(Report(null));
        Assert.Equal(none, SampleFacts.Markdown(Report("   ")));
        Assert.Equal(SampleFacts.Markdown(SampleFacts.Compose(AnnualReportFigures.Compute(new SampleFacts().Meetings(MeetingKind.TheoryStudyGroup, 1).Facts, SampleFacts.Year))), none);
        Assert.StartsWith($"{SampleFacts.Year}年，我坚持", Assert.IsType<ParagraphBlock>(Report(null).Blocks[0]).Text);
    }

    [Fact]
    public void Placeholders_in_the_preamble_are_its_text_not_the_templates()
    {
        var document = Report("{year}{organisation}{meetings.theory-study}");
        Assert.Equal("{year}{organisation}{meetings.theory-study}", Assert.IsType<ParagraphBlock>(document.Blocks[0]).Text);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("# 标题\n- 项\n[链接](javascript:alert(1)) **粗**")]
    [InlineData("<img src=x onerror=alert(1)> {onclick=alert(1)}")]
    public void Markup_in_the_preamble_is_text_in_markdown_and_word(string preamble)
    {
        var pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
        var html = Markdown.ToHtml(SampleFacts.Markdown(Report(preamble)), pipeline);
        var plain = Markdown.ToHtml(SampleFacts.Markdown(Report("甲乙")), pipeline);
        Assert.Equal(Tag().Matches(plain).Select(m => m.Value).Count(), Tag().Matches(html).Select(m => m.Value).Count());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<[^>]*on(click|error)=", html);

        using var stream = new MemoryStream();
        DocxRenderer.Render(Report(preamble), stream);
        stream.Position = 0;
        using var docx = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(docx));
        Assert.Contains(preamble, docx.MainDocumentPart!.Document!.Body!.Descendants<W.Text>().Select(t => t.Text));
    }

    [GeneratedRegex(@"<(/?[a-zA-Z][a-zA-Z0-9]*)")]
    private static partial Regex Tag();
}
