using System.Text;

namespace BranchLedger.Cli;

/// <summary>One data row of a CSV file: its 1-based line number and its cells by (lower-case) column name.</summary>
internal sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>The trimmed cell, or null when the column is missing or the cell empty.</summary>
    public string? this[string column] => Cells.TryGetValue(column, out var v) && v.Trim() is { Length: > 0 } t ? t : null;
}

/// <summary>
/// Reads RFC 4180 CSV (UTF-8, optional BOM, a header row, double quotes around cells holding commas,
/// quotes or line breaks). Small and strict: the import files are written by people and spreadsheets.
/// </summary>
internal static class CsvTable
{
    public static IReadOnlyList<CsvRow> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var records = Reports.CsvReader.Records(reader).ToList();
        if (records.Count == 0)
        {
            throw new CliInputException($"{path}: empty file (a header row is required)");
        }

        var header = records[0].Cells.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var rows = new List<CsvRow>();
        foreach (var (line, cells) in records.Skip(1))
        {
            if (cells.All(c => c.Trim().Length == 0))
            {
                continue;
            }

            if (cells.Count > header.Count)
            {
                throw new CliInputException($"{path}:{line}: {cells.Count} cells, but the header names {header.Count} columns");
            }

            rows.Add(new CsvRow(line, header.Zip(cells.Concat(Enumerable.Repeat("", header.Count - cells.Count)))
                .ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)));
        }

        return rows;
    }
}
