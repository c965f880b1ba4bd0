using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BranchLedger.Reports;

/// <summary>
/// Writes tables as an Excel workbook, one sheet per table with a frozen bold header row. Rows go
/// through OpenXmlWriter one at a time, so a large sheet never exists as a DOM in memory.
/// </summary>
public static class XlsxWriter
{
    private const uint HeaderStyle = 1;
    private static readonly char[] InvalidSheetChars = ['[', ']', ':', '*', '?', '/', '\\'];

    /// <summary>Writes <paramref name="tables"/> to <paramref name="output"/> (which must be seekable).</summary>
    public static void Write(IEnumerable<ExportTable> tables, Stream output)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var package = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = package.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        uint id = 1;
        foreach (var table in tables)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            WriteSheet(part, table, id == 1);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = UniqueName(table.Name, names) });
            id++;
        }

        if (id == 1)
        {
            // A workbook needs a sheet; an empty export still opens.
            var part = workbook.AddNewPart<WorksheetPart>();
            WriteSheet(part, new ExportTable("Sheet1", [], []), true);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Sheet1" });
        }

        workbook.Workbook.Save();
    }

    private static void WriteSheet(WorksheetPart part, ExportTable table, bool selected)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0U, TabSelected = selected }));
        if (table.Headers.Count > 0)
        {
            writer.WriteElement(new Columns(new Column { Min = 1U, Max = (uint)table.Headers.Count, Width = 18D, CustomWidth = true }));
        }

        writer.WriteStartElement(new SheetData());
        WriteRow(writer, table.Headers, HeaderStyle);
        foreach (var row in table.Rows)
        {
            WriteRow(writer, row, null);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<object?> cells, uint? style)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in cells)
        {
            var cell = value switch
            {
                null => new Cell(),
                int or long or double or decimal => new Cell(new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!)) { DataType = CellValues.Number },
                _ => new Cell(new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "") { Space = SpaceProcessingModeValues.Preserve }))
                {
                    DataType = CellValues.InlineString,
                },
            };
            if (style is { } s)
            {
                cell.StyleIndex = s;
            }

            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    private static string UniqueName(string name, HashSet<string> used)
    {
        var clean = new string([.. name.Select(c => Array.IndexOf(InvalidSheetChars, c) >= 0 ? '_' : c)]).Trim('\'');
        clean = clean.Length == 0 ? "Sheet" : clean[..Math.Min(clean.Length, 31)];
        var candidate = clean;
        for (var i = 2; !used.Add(candidate); i++)
        {
            var suffix = $"({i})";
            candidate = clean[..Math.Min(clean.Length, 31 - suffix.Length)] + suffix;
        }

        return candidate;
    }

    // Font 0 normal, font 1 bold; cell format 1 uses the bold font for headers.
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(new FontSize { Val = 11D }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "等线" })) { Count = 2U },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1U, ApplyFont = true }) { Count = 2U });
}
