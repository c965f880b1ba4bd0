using DocumentFormat.OpenXml.Wordprocessing;

namespace BranchLedger.Reports;

/// <summary>The style sheet of generated reports (ids are Word's built-in ones, so headings are real headings).</summary>
internal static class DocxStyles
{
    public const string Normal = "Normal";
    public const string Title = "Title";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string TableText = "TableText";

    public static Styles Create(string body, string title, string heading1, string heading2, string latin) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(latin, body), new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact }))),
        Paragraph(Normal, "Normal", null, null, new StyleRunProperties(Fonts(latin, body)),
            new StyleParagraphProperties(new Indentation { FirstLineChars = 200 }, new Justification { Val = JustificationValues.Both }), isDefault: true),
        Paragraph(Title, "Title", Normal, null,
            new StyleRunProperties(Fonts(latin, title), new FontSize { Val = "44" }, new FontSizeComplexScript { Val = "44" }),
            new StyleParagraphProperties(
                new SpacingBetweenLines { Before = "240", After = "240", Line = "700", LineRule = LineSpacingRuleValues.Exact },
                new Indentation { FirstLineChars = 0, FirstLine = "0" }, new Justification { Val = JustificationValues.Center })),
        Paragraph(Heading1, "heading 1", Normal, 0,
            new StyleRunProperties(Fonts(latin, heading1)),
            new StyleParagraphProperties(new KeepNext(), new Indentation { FirstLineChars = 200 }, new OutlineLevel { Val = 0 })),
        Paragraph(Heading2, "heading 2", Normal, 1,
            new StyleRunProperties(Fonts(latin, heading2)),
            new StyleParagraphProperties(new KeepNext(), new Indentation { FirstLineChars = 200 }, new OutlineLevel { Val = 1 })),
        Paragraph(TableText, "Table Text", Normal, null,
            new StyleRunProperties(new FontSize { Val = "21" }, new FontSizeComplexScript { Val = "21" }),
            new StyleParagraphProperties(
                new SpacingBetweenLines { Line = "300", LineRule = LineSpacingRuleValues.Exact },
                new Indentation { FirstLineChars = 0, FirstLine = "0" }, new Justification { Val = JustificationValues.Left })));

    private static RunFonts Fonts(string latin, string eastAsia) =>
        new() { Ascii = latin, HighAnsi = latin, ComplexScript = latin, EastAsia = eastAsia };

    private static Style Paragraph(
        string id, string name, string? basedOn, int? priority, StyleRunProperties run, StyleParagraphProperties paragraph, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
            style.Append(new NextParagraphStyle { Val = Normal });
        }

        if (priority is { } p)
        {
            style.Append(new UIPriority { Val = 9 + p }, new PrimaryStyle());
        }

        style.Append(paragraph, run);
        return style;
    }
}
