using System.Text;

namespace BranchLedger.Reports;

/// <summary>
/// Reads RFC 4180 CSV records: commas between cells, double quotes around cells holding commas, quotes or
/// line breaks, a line break (CRLF, LF or CR) between records. The counterpart of <see cref="CsvWriter"/>,
/// for the import files people write and for reading the platform's own exports back.
/// </summary>
public static class CsvReader
{
    /// <summary>Every record with the 1-based line it starts on; cells exactly as written, quotes removed.</summary>
    public static IEnumerable<(int Line, List<string> Cells)> Records(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var cells = new List<string>();
        var cell = new StringBuilder();
        int line = 1, start = 1;
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"' && reader.Peek() == '"')
                {
                    cell.Append('"');
                    reader.Read();
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                cells.Add(cell.ToString());
                cell.Clear();
                yield return (start, cells);
                cells = [];
                any = false;
                start = ++line;
            }
            else
            {
                cell.Append(ch);
            }
        }

        if (any)
        {
            cells.Add(cell.ToString());
            yield return (start, cells);
        }
    }

    /// <summary>The records of <paramref name="csv"/> (without a byte order mark).</summary>
    public static List<List<string>> Parse(string csv)
    {
        using var reader = new StringReader(csv);
        return [.. Records(reader).Select(r => r.Cells)];
    }
}
