using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using BranchLedger.Reports;

namespace BranchLedger.RecordFiles;

/// <summary>
/// Reads a table with a header row from CSV (RFC 4180, UTF-8, optional BOM) or from the first sheet of an
/// Excel workbook (.xlsx): the same rows either way, each cell as text. Small and strict: the import
/// files are written by people and spreadsheets.
/// </summary>
public static class TableReader
{
    /// <summary>The data rows of a CSV text; <paramref name="name"/> names the file in messages.</summary>
    public static IReadOnlyList<CsvRow> ReadCsv(TextReader reader, string name) =>
        Rows(CsvReader.Records(reader), name);

    /// <summary>The data rows of a CSV file.</summary>
    public static IReadOnlyList<CsvRow> ReadCsv(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return ReadCsv(reader, path);
    }

    /// <summary>The data rows of the first sheet of a workbook; a row's line is its sheet row number.</summary>
    public static IReadOnlyList<CsvRow> ReadXlsx(Stream workbook, string name)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(workbook, isEditable: false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new RecordFileException($"{name}: not an Excel workbook (.xlsx)");
        }

        using (document)
        {
            var part = document.WorkbookPart ?? throw new RecordFileException($"{name}: the workbook has no sheets");
            var first = part.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new RecordFileException($"{name}: the workbook has no sheets");
            var sheet = (WorksheetPart)part.GetPartById(first.Id!.Value!);
            var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            return Rows(SheetRecords(sheet, shared), name);
        }
    }

    private static IEnumerable<(int Line, List<string> Cells)> SheetRecords(WorksheetPart sheet, List<string> shared)
    {
        var number = 0;
        foreach (var row in sheet.Worksheet.Descendants<Row>())
        {
            // The row number is optional in the file: without it a row follows the one before.
            number = (int?)row.RowIndex?.Value ?? number + 1;
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                // Cells may be skipped (empty ones are not written): place each by its column letters.
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < column)
                {
                    cells.Add("");
                }

                cells.Add(TextOf(cell, shared));
            }

            yield return (number, cells);
        }
    }

    private static string TextOf(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "";
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "true" : "false";
        }

        return raw;
    }

    // "C7" → 2.
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return index - 1;
    }

    private static List<CsvRow> Rows(IEnumerable<(int Line, List<string> Cells)> records, string name)
    {
        List<string>? header = null;
        var rows = new List<CsvRow>();
        foreach (var (line, cells) in records)
        {
            if (cells.All(c => c.Trim().Length == 0))
            {
                continue;
            }

            if (header is null)
            {
                header = [.. cells.Select(h => h.Trim().ToLowerInvariant())];
                continue;
            }

            if (cells.Count > header.Count)
            {
                throw new RecordFileException($"{name}:{line}: {cells.Count} cells, but the header names {header.Count} columns");
            }

            var byName = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                byName.TryAdd(header[i], i < cells.Count ? cells[i] : "");
            }

            rows.Add(new CsvRow(line, byName));
        }

        return header is null ? throw new RecordFileException($"{name}: empty file (a header row is required)") : rows;
    }
}
