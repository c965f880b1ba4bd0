using System.Text;

namespace BranchLedger.Reports;

/// <summary>
/// Writes a report as Markdown (UTF-8, no BOM): the title as #, level-n headings as n+1 #, tables as
/// pipe tables. The markup is the renderer's own; every text of the document — template wording and,
/// inside it, what records and the directory supplied (self-assessments, names, record summaries) — is
/// plain text, as Word shows it, and goes through <see cref="Escape"/> so it renders as itself.
/// </summary>
public static class MarkdownRenderer
{
    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/>.</summary>
    public static void Render(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine($"# {Line(document.Title)}");
        foreach (var block in document.Blocks)
        {
            writer.WriteLine();
            switch (block)
            {
                case HeadingBlock h:
                    writer.WriteLine($"{new string('#', h.Level + 1)} {Line(h.Text)}");
                    break;
                case ParagraphBlock p:
                    writer.WriteLine(Escape(p.Text));
                    break;
                case TableBlock t:
                    writer.WriteLine(Row(t.Headers));
                    writer.WriteLine("|" + string.Concat(t.Headers.Select(_ => " --- |")));
                    foreach (var row in t.Rows)
                    {
                        writer.WriteLine(Row(row));
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Plain text as Markdown that renders as the same text and nothing else: &amp; &lt; &gt; " { } as
    /// HTML entities (no raw HTML, no autolinks, no attribute blocks); the ASCII punctuation of links,
    /// images, emphasis, code, strikethrough, tables, math and scheme autolinks (\ ` * _ [ ] ( ) ! ~ | : $ ^ #)
    /// and the dot of "www." backslash-escaped; and on every line the white space that would indent a
    /// code block or end in a hard break dropped, and a leading - + = or "1." escaped, so no line opens
    /// a list, heading, setext underline, thematic break, quote or fence. Line breaks stay; blank lines
    /// go, so one block of text stays one paragraph (as in Word).
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length + 16);
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim(' ', '\t');
            if (line.Length == 0)
            {
                continue;
            }

            if (result.Length > 0)
            {
                result.Append('\n');
            }
            var digits = 0;
            while (digits < line.Length && char.IsAsciiDigit(line[digits]))
            {
                digits++;
            }

            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                switch (c)
                {
                    case '&': result.Append("&amp;"); break;
                    case '<': result.Append("&lt;"); break;
                    case '>': result.Append("&gt;"); break;
                    case '"': result.Append("&quot;"); break;

                    // Braces as entities: Markdig's attribute syntax ({onclick=…} after a heading) ignores a backslash.
                    case '{': result.Append("&#123;"); break;
                    case '}': result.Append("&#125;"); break;
                    case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '!' or '~' or '|' or ':' or '$' or '^' or '#':
                        result.Append('\\').Append(c);
                        break;
                    case '-' or '+' or '=' when i == 0:
                        result.Append('\\').Append(c);
                        break;
                    case '.' when (digits > 0 && i == digits) || (i >= 3 && line.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase)):
                        result.Append('\\').Append(c);
                        break;
                    default:
                        result.Append(c);
                        break;
                }
            }
        }

        return result.ToString();
    }

    // A heading or a table cell is one line.
    private static string Line(string text) => Escape(text.ReplaceLineEndings(" "));

    private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(Line)) + " |";
}
