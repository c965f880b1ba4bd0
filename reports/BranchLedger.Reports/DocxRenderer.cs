using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace BranchLedger.Reports;

/// <summary>
/// Writes a report as a Word document: real Title / Heading 1 / Heading 2 styles (so Word's navigation
/// and table of contents see them) and the fonts of Chinese official documents set for East-Asian text.
/// </summary>
public static class DocxRenderer
{
    private const string BodyFont = "仿宋";
    private const string TitleFont = "方正小标宋简体";
    private const string Heading1Font = "黑体";
    private const string Heading2Font = "楷体";
    private const string LatinFont = "Times New Roman";

    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/> (which must be seekable).</summary>
    public static void Render(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = package.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = DocxStyles.Create(BodyFont, TitleFont, Heading1Font, Heading2Font, LatinFont);

        // The body goes through OpenXmlWriter element by element: a report whose appendix lists
        // thousands of records never exists as one document tree in memory.
        using (var writer = OpenXmlWriter.Create(main))
        {
            writer.WriteStartElement(new Document());
            writer.WriteStartElement(new Body());
            writer.WriteElement(Paragraph(document.Title, DocxStyles.Title));
            foreach (var block in document.Blocks)
            {
                switch (block)
                {
                    case HeadingBlock h:
                        writer.WriteElement(Paragraph(h.Text, h.Level <= 1 ? DocxStyles.Heading1 : DocxStyles.Heading2));
                        break;
                    case ParagraphBlock p:
                        writer.WriteElement(Paragraph(p.Text, null));
                        break;
                    case TableBlock t:
                        WriteTable(writer, t);
                        break;
                    default:
                        throw new NotSupportedException(block.GetType().Name);
                }
            }

            // A4 with the margins of official documents.
            writer.WriteElement(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Right = 1474U, Bottom = 1984, Left = 1588U, Header = 851U, Footer = 992U, Gutter = 0U }));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }

    private static Paragraph Paragraph(string text, string? style)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static void WriteTable(OpenXmlWriter writer, TableBlock block)
    {
        var border = (uint)4;
        writer.WriteStartElement(new Table());
        writer.WriteElement(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = border },
                new LeftBorder { Val = BorderValues.Single, Size = border },
                new BottomBorder { Val = BorderValues.Single, Size = border },
                new RightBorder { Val = BorderValues.Single, Size = border },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = border },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = border })));
        writer.WriteElement(new TableGrid(block.Headers.Select(_ => new GridColumn())));
        var rows = new RowWriter(writer);
        rows.Write(block.Headers, header: true);
        foreach (var row in block.Rows)
        {
            rows.Write(row, header: false);
        }

        writer.WriteEndElement();
    }

    // An appendix has a row per counted record: start tags are written from one set of element
    // instances and the text as a string, so a row allocates no element tree of its own.
    private sealed class RowWriter(OpenXmlWriter writer)
    {
        private readonly TableRow _row = new();
        private readonly TableRowProperties _header = new(new TableHeader());
        private readonly TableCell _cell = new();
        private readonly Paragraph _paragraph = new();
        private readonly ParagraphProperties _style = new(new ParagraphStyleId { Val = DocxStyles.TableText });
        private readonly Run _run = new();
        private readonly Text _text = new() { Space = SpaceProcessingModeValues.Preserve };

        public void Write(IReadOnlyList<string> cells, bool header)
        {
            writer.WriteStartElement(_row);
            if (header)
            {
                writer.WriteElement(_header);
            }

            foreach (var cell in cells)
            {
                writer.WriteStartElement(_cell);
                writer.WriteStartElement(_paragraph);
                writer.WriteElement(_style);
                writer.WriteStartElement(_run);
                writer.WriteStartElement(_text);
                writer.WriteString(cell);
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }
    }
}
