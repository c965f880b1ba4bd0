using System.Text;

namespace BranchLedger.Reports;

/// <summary>Writes a report as Markdown (UTF-8, no BOM): the title as #, level-n headings as n+1 #.</summary>
public static class MarkdownRenderer
{
    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/>.</summary>
    public static void Render(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine($"# {document.Title}");
        foreach (var block in document.Blocks)
        {
            writer.WriteLine();
            switch (block)
            {
                case HeadingBlock h:
                    writer.WriteLine($"{new string('#', h.Level + 1)} {h.Text}");
                    break;
                case ParagraphBlock p:
                    writer.WriteLine(p.Text);
                    break;
                case TableBlock t:
                    writer.WriteLine(Row(t.Headers));
                    writer.WriteLine(Row(t.Headers.Select(_ => "---")));
                    foreach (var row in t.Rows)
                    {
                        writer.WriteLine(Row(row));
                    }

                    break;
            }
        }
    }

    private static string Row(IEnumerable<string> cells) =>
        "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" "))) + " |";
}
