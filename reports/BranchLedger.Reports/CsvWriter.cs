using System.Globalization;
using System.Text;

namespace BranchLedger.Reports;

/// <summary>Writes one table as CSV (RFC 4180, CRLF), UTF-8 with a byte-order mark so Excel reads Chinese.</summary>
public static class CsvWriter
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="output"/>, row by row.</summary>
    public static void Write(ExportTable table, Stream output)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var writer = new StreamWriter(output, new UTF8Encoding(true), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(Line(table.Headers));
        foreach (var row in table.Rows)
        {
            writer.WriteLine(Line(row));
        }
    }

    private static string Line(IEnumerable<object?> cells) => string.Join(',', cells.Select(Field));

    private static string Field(object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
