using System.Buffers;
using System.Globalization;
using System.Text;

namespace BranchLedger.Reports;

/// <summary>
/// Writes one table as CSV (RFC 4180, CRLF), UTF-8 with a byte-order mark so Excel reads Chinese. Every
/// cell goes through <see cref="Cell"/>, the one place CSV cells are encoded, so no text cell opens as
/// a live formula.
/// </summary>
public static class CsvWriter
{
    // What makes Excel, WPS or LibreOffice read a cell as a formula (or DDE call): = + - @, tab and
    // carriage return (OWASP "CSV injection"), and the full-width ＝ ＋ － ＠ that Excel and WPS also take
    // as formula starts.
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20");

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

    /// <summary>
    /// One CSV field. Numbers the platform computed (int, long, decimal, finite float or double) are written as
    /// numbers, a negative one included: a spreadsheet reads "-3.5" as the number −3.5, not as a formula.
    /// Everything else is text: text whose first character is = + - @ ＝ ＋ － ＠, tab or carriage return —
    /// or whose first character after leading white space is one of them — gets an apostrophe in front
    /// (the OWASP rule), so it opens as the text it is. A field holding a comma, quote or line break is quoted.
    /// </summary>
    public static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            int or long or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            double d when double.IsFinite(d) => d.ToString(CultureInfo.InvariantCulture),
            float f when float.IsFinite(f) => f.ToString(CultureInfo.InvariantCulture),
            _ => Neutralised(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

        static string Neutralised(string text)
        {
            var start = text.AsSpan().TrimStart();
            return text.Length > 0 && (FormulaStarts.Contains(text[0]) || (start.Length > 0 && FormulaStarts.Contains(start[0]))) ? "'" + text : text;
        }
    }

    private static string Line(IEnumerable<object?> cells) => string.Join(',', cells.Select(Cell));
}
