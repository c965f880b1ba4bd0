using System.Text;
using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using BranchLedger.Integration.Tests.Rankings;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using BranchLedger.Reports;
using Grpc.Core;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using CellFormula = DocumentFormat.OpenXml.Spreadsheet.CellFormula;
using CellValues = DocumentFormat.OpenXml.Spreadsheet.CellValues;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace BranchLedger.Integration.Tests.Reports;

/// <summary>
/// Text people typed — record topics and notes, branch and tenant names, self-assessments — comes out
/// of every export as text: no CSV cell a spreadsheet would evaluate, no xlsx formula, no Markdown markup.
/// </summary>
public sealed class ExportInjectionTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>, IAsyncLifetime
{
    private const string Tenant = "tenant-injection";
    private const string Branch = "injection-branch";
    private static readonly Metadata Caller = GatewayHost.As(Tenant);

    private static readonly string[] Markup =
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "![x](http://e.test/x.png)",
        "<javascript:alert(1)>", "# 注入标题", "> 引用", "- 列表", "1. 列表", "```\nalert(1)\n```", "| a | b |\n| --- | --- |", "正文\n===",
    ];

    private ReportService.ReportServiceClient Reports => fixture.Reports;

    public async Task InitializeAsync()
    {
        await fixture.EnsureAsync(Tenant, Branch, members: 10);
        for (var i = 0; i < FormulaText.Payloads.Length; i++)
        {
            await fixture.Ledger.RecordMeetingAsync(new RecordMeetingRequest
            {
                NodeId = Nodes.Root, RequestId = $"injection-{i}",
                Meeting = new Meeting
                {
                    Kind = MeetingKind.TheoryStudyGroup, Date = new Google.Type.Date { Year = 2026, Month = 3, Day = 1 + (i % 28) },
                    Topic = FormulaText.Payloads[i], Notes = FormulaText.Payloads[^(i + 1)], Attendees = 7, ExpectedAttendees = 7,
                },
            }, Caller);
        }

        for (var i = 0; i < Markup.Length; i++)
        {
            await fixture.Ledger.RecordSelfAssessmentAsync(new RecordSelfAssessmentRequest
            {
                NodeId = Nodes.Root, RequestId = $"markup-{i}",
                SelfAssessment = new SelfAssessment
                {
                    Date = new Google.Type.Date { Year = 2026, Month = 3, Day = 1 }, Year = 2026,
                    Section = SelfAssessmentSection.Problem, Order = i + 1, Text = Markup[i],
                },
            }, Caller);
        }

    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_ledger_csv_neutralises_every_topic_and_note_that_would_run_as_a_formula()
    {
        foreach (var family in new[] { "meeting", "" })
        {
            var csv = await Download.ReadAsync(Reports.ExportLedger(
                new ExportLedgerRequest { NodeId = Nodes.Root, Period = "2026", Format = ExportFormat.Csv, Family = family }, Caller));
            var rows = CsvReader.Parse(csv.Text[1..]);

            Assert.All(rows.SelectMany(r => r), FormulaText.AssertInert);
            var cells = rows.SelectMany(r => r).ToHashSet();
            Assert.All(FormulaText.Payloads, p => Assert.Contains("'" + p, cells)); // the notes, and on the meeting sheet the topics
        }
    }

    [Fact]
    public async Task The_ledger_workbook_keeps_the_same_text_as_inline_strings_never_formulas()
    {
        var xlsx = await Download.ReadAsync(Reports.ExportLedger(
            new ExportLedgerRequest { NodeId = Nodes.Root, Period = "2026", Format = ExportFormat.Xlsx }, Caller));

        using var book = SpreadsheetDocument.Open(new MemoryStream(xlsx.Bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(book));
        var cells = book.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet!.Descendants<Cell>()).ToList();
        Assert.Empty(book.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet!.Descendants<CellFormula>()));
        Assert.All(cells.Where(c => c.DataType?.Value != CellValues.Number), c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
        var texts = cells.Select(c => c.InlineString?.InnerText).ToHashSet();
        Assert.All(FormulaText.Payloads, p => Assert.Contains(p.Replace('\r', '\n'), texts)); // verbatim (XML reads a CR as a line feed)
    }

    [Fact]
    public async Task The_markdown_report_keeps_self_assessments_as_text_and_word_shows_them_literally()
    {
        var markdown = (await Download.ReadAsync(Reports.GenerateAnnualReport(
            new GenerateAnnualReportRequest { NodeId = Nodes.Root, Year = 2026, Format = ReportFormat.Markdown }, Caller))).Text;
        var lines = markdown.Split('\n');

        // The report's own markup only: no raw HTML or link syntax, and every heading, quote, list,
        // fence or table line is the report's own (the self-assessments sit under （一）存在的主要问题).
        Assert.DoesNotContain("<", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("](", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith('#') && l.Contains("注入", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith('>') || l.StartsWith("- ", StringComparison.Ordinal) || l.StartsWith("1.", StringComparison.Ordinal)
            || l.StartsWith("```", StringComparison.Ordinal) || l.StartsWith("===", StringComparison.Ordinal));
        var problems = markdown[markdown.IndexOf("（一）存在的主要问题", StringComparison.Ordinal)..markdown.IndexOf("（二）原因分析", StringComparison.Ordinal)];
        Assert.DoesNotContain(problems.Split('\n'), l => l.StartsWith('|'));

        var docx = await Download.ReadAsync(Reports.GenerateAnnualReport(
            new GenerateAnnualReportRequest { NodeId = Nodes.Root, Year = 2026, Format = ReportFormat.Docx }, Caller));
        using var word = WordprocessingDocument.Open(new MemoryStream(docx.Bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(word));
        var texts = word.MainDocumentPart!.Document!.Body!.Descendants<W.Text>().Select(t => t.Text).ToList();
        Assert.All(Markup, m => Assert.Contains(texts, t => t.EndsWith(m, StringComparison.Ordinal)));
        Assert.Empty(word.MainDocumentPart.Document.Body.Descendants<W.Hyperlink>());
    }
}

/// <summary>The ranking and comparison CSV exports, on the ranking fixture (scores pushed as ledgers push them).</summary>
[Collection(RankingGatewayCollection.Name)]
public sealed class RankingExportInjectionTests(RankingGatewayFixture fixture)
{
    private const string Tenant = "tenant-injection";
    private const string Period = "2020-Q2";
    private const string TenantName = "=HYPERLINK(\"http://x\",\"y\")";
    private ReportService.ReportServiceClient Reports => fixture.Reports;

    [Fact]
    public async Task Ranking_and_comparison_csv_neutralise_branch_and_tenant_names()
    {
        await Nodes.RegisterAsync(fixture.Grains, Tenant, TenantName);
        await fixture.PushAsync([.. FormulaText.Payloads.Take(10).Select((p, i) => RankingScores.Score(Tenant, $"branch-{i}", Period, 50 + i) with { DisplayName = p })]);
        var metadata = GatewayHost.As(Tenant);
        await Poll.UntilAsync(
            () => fixture.Ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = Period, Scope = RankingScope.Tenant }, metadata).ResponseAsync,
            r => r.Branches.Count == 10);

        var ranking = CsvReader.Parse((await Download.ReadAsync(Reports.ExportRankings(new ExportRankingsRequest
        {
            Format = ExportFormat.Csv, Ranking = new ListTopBranchesRequest { Period = Period, Scope = RankingScope.Tenant },
        }, metadata))).Text[1..]);
        var comparison = CsvReader.Parse((await Download.ReadAsync(Reports.ExportRankings(new ExportRankingsRequest
        {
            Format = ExportFormat.Csv,
            Comparison = new CompareBranchesRequest { Period = Period, Branches = { Enumerable.Range(0, 10).Select(i => new RankingBranchRef { NodeId = $"branch-{i}" }) } },
        }, metadata))).Text[1..]);

        foreach (var table in new[] { ranking, comparison })
        {
            Assert.Equal(11, table.Count);
            Assert.All(table.SelectMany(r => r), FormulaText.AssertInert);
            var cells = table.SelectMany(r => r).ToHashSet();
            Assert.Contains("'" + TenantName, cells);
            Assert.All(FormulaText.Payloads.Take(10), p => Assert.Contains("'" + p, cells));
        }
    }
}

/// <summary>Text a spreadsheet would evaluate, and how to read a CSV back and check it cannot.</summary>
internal static class FormulaText
{
    // Every formula start a spreadsheet honours (full-width too), first and behind white space.
    public static readonly string[] Starts = ["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"];
    private static readonly string[] FormulaStarts = [.. Starts.Where(s => !char.IsWhiteSpace(s[0]))];

    public static readonly string[] Payloads =
    [
        .. Starts.Select(s => s + "HYPERLINK(\"http://x\",\"y\")"),
        .. FormulaStarts.Select(s => " " + s + "1+1"),
        .. FormulaStarts.Select(s => "\u3000" + s + "cmd|' /C calc'!A0"),
    ];

    // Neither the first character nor the first after white space starts a formula (platform numbers aside).
    public static void AssertInert(string cell)
    {
        var trimmed = cell.TrimStart();
        var live = (cell.Length > 0 && Starts.Contains(cell[..1])) || (trimmed.Length > 0 && Starts.Contains(trimmed[..1]));
        Assert.False(live && !double.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _), $"live cell {System.Text.Json.JsonSerializer.Serialize(cell)}");
    }
}
