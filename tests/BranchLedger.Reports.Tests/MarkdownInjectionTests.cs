using System.Text.RegularExpressions;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Markdig;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace BranchLedger.Reports.Tests;

/// <summary>
/// Record and directory text in the annual report is text: rendered by a real Markdown parser it makes
/// no element the report does not make for plain words, and it still reads the same; Word shows it literally.
/// </summary>
public sealed partial class MarkdownInjectionTests
{
    private const string Plain = "甲乙";

    /// <summary>Inline markup, raw HTML, links and every block marker a line can start with.</summary>
    public static readonly string[] Markup =
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<IMG SRC=x ONERROR=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
        "<!-- c -->", "<div>x</div>", "&lt;script&gt;", "&#60;b&#62;", "[x](javascript:alert(1))", "[x]( javascript:alert(1) )",
        "![x](http://e.test/x.png)", "![x][r]\n[r]: http://e.test/x.png", "[x]\n\n[x]: javascript:alert(1)", "<javascript:alert(1)>",
        "<http://e.test>", "<a@e.test>", "http://e.test", "www.e.test", "mailto:a@e.test", "**粗** _斜_ `码` ~~删~~", "\\<script>",
        "# 标题", "## 标题", "#标题", ">引用", "> 引用", "- 项", "+ 项", "* 项", "1. 项", "1) 项", "123. 项", "```\nalert(1)\n```",
        "~~~js\nalert(1)\n~~~", "| a | b |\n| --- | --- |\n| c | d |", "a | b\n--- | ---", "文本\n===", "文本\n---", "***", "___",
        "- - -", "    缩进代码", "\t缩进代码", "a  \nb", "a\\\nb", "[^1]\n\n[^1]: 注", "标题 {onclick=alert(1)}", "$x^2$", "::: warning\nx\n:::",
        "术语\n:   定义", "- [ ] 任务", "*[HTML]: 缩写", "^^^ 图", "\"\"引用\"\"", ":smile:", "(c) -- ...", "行一\n\n\n# 行二", "  > 缩进引用",
    ];

    /// <summary>Each input alone, after a first line of prose, and as the second line of a list-like text.</summary>
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var m in Markup)
        {
            data.Add(m);
            data.Add("第一行\n" + m);
        }

        return data;
    }

    private static readonly MarkdownPipeline CommonMark = new MarkdownPipelineBuilder().UsePipeTables().Build();
    private static readonly MarkdownPipeline Extended = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Record_text_makes_no_markup_of_its_own_in_the_markdown_report(string text)
    {
        var markdown = SampleFacts.Markdown(Report(text));
        var plain = SampleFacts.Markdown(Report(Plain));

        foreach (var pipeline in new[] { CommonMark, Extended })
        {
            var html = Markdown.ToHtml(markdown, pipeline);
            // The same elements, attributes by name, as the report of plain words: no <script>, <img>,
            // <a>, <pre>, <blockquote>, <li>, no extra heading, table or paragraph, no event handler.
            Assert.True(Tags(Markdown.ToHtml(plain, pipeline)) == Tags(html), html);

            // And it reads the same: every input character is in the rendered text, in order.
            var rendered = Squash(Markdown.ToPlainText(markdown, pipeline));
            Assert.True(rendered.Contains(Squash(text), StringComparison.Ordinal), $"{Squash(text)} not in {rendered}");
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void The_word_report_shows_the_same_text_literally(string text)
    {
        using var stream = new MemoryStream();
        DocxRenderer.Render(Report(text), stream);

        stream.Position = 0;
        using var docx = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(docx));
        var body = docx.MainDocumentPart!.Document!.Body!;
        var texts = body.Descendants<W.Text>().Select(t => t.Text).ToList();
        Assert.Equal(text + "党组书记抓基层党建工作述职报告", texts[0]);
        Assert.Contains("一是" + text, texts);
        Assert.Contains("二是第一行\n" + text, texts);
        Assert.True(texts.Count(t => t == text) >= 2); // the appendix: the branch and the record's summary
        Assert.Empty(body.Descendants<W.Hyperlink>());
        Assert.Empty(body.Descendants<W.Drawing>());
    }

    [Fact]
    public void The_reports_own_headings_lists_and_tables_stay_markup()
    {
        var html = Markdown.ToHtml(SampleFacts.Markdown(Report("<b>x</b>")), CommonMark);

        Assert.StartsWith("<h1>&lt;b&gt;x&lt;/b&gt;党组书记抓基层党建工作述职报告</h1>", html);
        Assert.Contains("<h2>一、主要做法和成效</h2>", html);
        Assert.Contains("<h3>（一）存在的主要问题</h3>", html);
        Assert.Contains("<p>一是&lt;b&gt;x&lt;/b&gt;</p>", html);
        Assert.Contains("<td>&lt;b&gt;x&lt;/b&gt;</td>", html);
    }

    [Fact]
    public void Escaping_leaves_prose_without_markup_alone()
    {
        Assert.Equal("对党建工作的重视程度不够，2022-03-01（第一议题）。", MarkdownRenderer.Escape("对党建工作的重视程度不够，2022-03-01（第一议题）。"));
        Assert.Equal("rec-1", MarkdownRenderer.Escape("rec-1"));
    }

    // The record's text is everywhere it can be: the organisation's name (title, first paragraph),
    // two self-assessment entries, a branch name and a record summary in the appendix table.
    private static ReportDocument Report(string text)
    {
        var facts = new SampleFacts()
            .Meetings(MeetingKind.TheoryStudyGroup, 1)
            .SelfAssessment(SelfAssessmentSection.Problem, text)
            .SelfAssessment(SelfAssessmentSection.Problem, "第一行\n" + text);
        var figures = AnnualReportFigures.Compute(facts.Facts, SampleFacts.Year);
        var records = facts.Facts.Meetings.ToDictionary(m => new RecordRef(m.NodeId, m.Sequence), m => new TraceRecord(m.Date, "meeting", text));
        var context = new ReportContext(text, 1, new Dictionary<string, string> { [SampleFacts.Group] = text }, records);
        return SampleFacts.Compose(figures, context);
    }

    // Element names with their attribute names, in document order.
    private static string Tags(string html) =>
        string.Join(" ", Tag().Matches(html).Select(m => m.Groups[1].Value + string.Concat(Attribute().Matches(m.Groups[2].Value).Select(a => "@" + a.Groups[1].Value))));

    private static string Squash(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"<(/?[a-zA-Z][a-zA-Z0-9]*)([^>]*)>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
