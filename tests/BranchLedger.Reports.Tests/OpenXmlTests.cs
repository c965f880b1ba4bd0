using BranchLedger.Domain.Ledger;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace BranchLedger.Reports.Tests;

/// <summary>Generated Word and Excel files are valid Open XML, with real headings, Chinese fonts and frozen headers.</summary>
public sealed class OpenXmlTests
{
    [Fact]
    public void The_docx_report_is_valid_with_real_headings_and_east_asian_fonts()
    {
        var document = new SampleFacts().Meetings(MeetingKind.TheoryStudyGroup, 29).Compose();
        using var stream = new MemoryStream();
        DocxRenderer.Render(document, stream);

        stream.Position = 0;
        using var docx = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(docx));

        var paragraphs = docx.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>().ToList();
        string? StyleOf(string text) => paragraphs.First(p => p.InnerText == text).ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        Assert.Equal("Title", StyleOf("市残联党组书记抓基层党建工作述职报告"));
        Assert.Equal("Heading1", StyleOf("一、主要做法和成效"));
        Assert.Equal("Heading2", StyleOf("（二）抓学习，强覆盖，确保学习教育常态长效"));
        Assert.Contains(paragraphs, p => p.InnerText.Contains("党组理论中心组学习29次", StringComparison.Ordinal));

        // The appendix lists the 29 records in a table with a repeated header row.
        var table = docx.MainDocumentPart.Document.Body.Elements<W.Table>().First();
        Assert.NotNull(table.Elements<W.TableRow>().First().TableRowProperties?.GetFirstChild<W.TableHeader>());
        Assert.Equal(30, table.Elements<W.TableRow>().Count());
        Assert.Equal("rec-1", table.Elements<W.TableRow>().ElementAt(1).Elements<W.TableCell>().ElementAt(1).InnerText);

        var styles = docx.MainDocumentPart.StyleDefinitionsPart!.Styles!;
        var heading1 = styles.Elements<W.Style>().Single(s => s.StyleId == "Heading1");
        Assert.Equal("heading 1", heading1.StyleName!.Val!.Value);
        Assert.Equal("黑体", heading1.StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("仿宋", styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!.EastAsia!.Value);
    }

    [Fact]
    public void The_xlsx_export_is_valid_with_one_sheet_per_table_and_a_frozen_chinese_header()
    {
        var tables = new[]
        {
            new ExportTable("会议学习", ["单位", "记录编号", "人数"], [["机关党支部", "rec-1", 12], ["机关党支部", "rec-2", null]]),
            new ExportTable("谈话", ["单位", "内容"], [["党组", "a,b \"c\""]]),
        };
        using var stream = new MemoryStream();
        XlsxWriter.Write(tables, stream);

        stream.Position = 0;
        using var xlsx = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(xlsx));

        var workbook = xlsx.WorkbookPart!;
        var sheets = workbook.Workbook!.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["会议学习", "谈话"], sheets.Select(s => s.Name!.Value));
        var first = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!.Value!)).Worksheet!;
        var pane = first.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        var rows = first.Descendants<Row>().ToList();
        Assert.Equal(["单位", "记录编号", "人数"], rows[0].Elements<Cell>().Select(c => c.InnerText));
        Assert.Equal(CellValues.Number, rows[1].Elements<Cell>().Last().DataType!.Value);
        Assert.Equal("12", rows[1].Elements<Cell>().Last().InnerText);
    }

    [Fact]
    public void An_empty_workbook_still_has_a_sheet_and_is_valid()
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write([], stream);
        stream.Position = 0;
        using var xlsx = SpreadsheetDocument.Open(stream, false);

        Assert.Empty(new OpenXmlValidator().Validate(xlsx));
        Assert.Single(xlsx.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>());
    }
}
