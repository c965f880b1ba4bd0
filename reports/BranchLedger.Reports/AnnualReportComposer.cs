using System.Globalization;
using BranchLedger.Domain.Reports;

namespace BranchLedger.Reports;

/// <summary>
/// Builds the annual report from figures and a template: every number in it is a figure counted from
/// records, and a figure with no records is worded by the template's "none" phrase, never as a number.
/// </summary>
public static class AnnualReportComposer
{
    /// <summary>The report, with the traceability appendix at the end; <paramref name="preamble"/> is the year's preamble (none: left out).</summary>
    public static ReportDocument Compose(ReportTemplate template, ReportFigures figures, ReportContext context, string? preamble = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(context);
        string? Resolve(string name) => name switch
        {
            "organisation" => context.OrganisationName,
            "year" => figures.Year.ToString(CultureInfo.InvariantCulture),
            "branches" => context.BranchCount.ToString(CultureInfo.InvariantCulture),
            ReportTemplate.PreamblePlaceholder => preamble?.Trim() ?? "",
            // The sentences of the kinds whose catalogue entries place them here (none: nothing).
            _ when name.StartsWith(ReportTemplate.SentenceSlot, StringComparison.Ordinal) =>
                string.Concat(template.SentencesAt(name[ReportTemplate.SentenceSlot.Length..]).Select(s => TemplateText.Fill(s, Resolve))),
            _ => Phrase(template, figures, name),
        };

        var blocks = new List<ReportBlock>();
        foreach (var section in template.Sections)
        {
            if (section.Heading is { } heading)
            {
                blocks.Add(new HeadingBlock(Math.Max(section.Level, 1), TemplateText.Fill(heading, Resolve)));
            }

            // A paragraph that fills to nothing (the preamble's, in a year without one) is left out, not printed empty.
            blocks.AddRange((section.Paragraphs ?? []).Select(p => new ParagraphBlock(TemplateText.Fill(p, Resolve))).Where(p => !string.IsNullOrWhiteSpace(p.Text)));
            if (section.SelfAssessment is { } part)
            {
                var entries = figures.SelfAssessment.Where(s => s.Section == part).ToList();
                if (section.Group is { } group)
                {
                    var groups = template.Sections.Where(s => s.SelfAssessment == part && s.Group is not null).Select(s => s.Group!.Value).ToList();
                    entries = [.. entries.Where(e => e.Order == group || (group == groups.Min() && e.Order < group) || (group == groups.Max() && e.Order > group))];
                }

                blocks.AddRange(entries.Count == 0
                    ? [new ParagraphBlock(template.SelfAssessmentNone)]
                    : entries.Select((e, i) => new ParagraphBlock((section.Group is null ? Ordinal(template, i) : "") + e.Text)));
            }
        }

        blocks.AddRange(Appendix(template, figures, context));
        return new ReportDocument(TemplateText.Fill(template.Title, Resolve), blocks);
    }

    /// <summary>The figure's phrase: "some" with its numbers, or "none" when no record counted.</summary>
    public static string? Phrase(ReportTemplate template, ReportFigures figures, string key)
    {
        if (!template.Figures.TryGetValue(key, out var phrase) || figures.Figures.FirstOrDefault(f => f.Key == key) is not { } figure)
        {
            return null;
        }

        if (figure.HasNoRecords)
        {
            return phrase.None;
        }

        var whole = phrase.AllAt ?? (phrase.AllOf is { } of && figures.Figures.FirstOrDefault(f => f.Key == of) is { HasNoRecords: false } w ? w.Value : null);
        var isAll = phrase.All is not null && whole > 0 && figure.Value == whole;
        var named = figure.Names.Count > 0;
        var text = isAll
            ? (named ? phrase.AllNamed : null) ?? phrase.All!
            : (named ? phrase.Named : null) ?? phrase.Some;
        return TemplateText.Fill(text, name => name switch
        {
            "n" => figure.Value.ToString(CultureInfo.InvariantCulture),
            FigurePhrase.ChineseCount => ChineseNumerals.Of(figure.Value),
            "names" => JoinNames(figure.Names),
            _ => null,
        });
    }

    /// <summary>
    /// Names in a series, joined by 、 — except between two quoted or titled names (《…》《…》, “…”“…”), which
    /// Chinese punctuation (GB/T 15834) writes without it.
    /// </summary>
    public static string JoinNames(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0 && !(names[i - 1].EndsWith('》') && names[i].StartsWith('《')) && !(names[i - 1].EndsWith('”') && names[i].StartsWith('“')))
            {
                text.Append('、');
            }

            text.Append(names[i]);
        }

        return text.ToString();
    }

    private static string Ordinal(ReportTemplate template, int index) =>
        index < template.Ordinals.Count ? template.Ordinals[index] : "";

    private static IEnumerable<ReportBlock> Appendix(ReportTemplate template, ReportFigures figures, ReportContext context)
    {
        var appendix = template.Appendix;
        yield return new HeadingBlock(1, appendix.Heading);
        yield return new ParagraphBlock(appendix.Intro);
        var trace = ReportTrace.Rows(template, figures, context).ToLookup(r => r.FigureKey, StringComparer.Ordinal);
        foreach (var figure in figures.Figures)
        {
            var label = template.Figures.TryGetValue(figure.Key, out var phrase) ? phrase.Label : figure.Key;
            var value = figure.Value.ToString(CultureInfo.InvariantCulture);
            yield return new HeadingBlock(2, TemplateText.Fill(
                figure.HasNoRecords ? appendix.FigureNone : appendix.FigureHeading,
                name => name switch { "label" => label, "value" => value, "unit" => figure.Unit, _ => null }));
            if (figure.HasNoRecords)
            {
                continue;
            }

            if (figure.Key == ReportFigureKeys.QuartersReviewed)
            {
                yield return new ParagraphBlock(appendix.QuartersNote);
            }

            yield return figure.Sources.Count > 0
                ? new TableBlock(appendix.RecordColumns, [.. trace[figure.Key].Select(r => (IReadOnlyList<string>)[r.NodeName, r.RecordId, r.Date, r.Family, r.Summary])])
                : new TableBlock(appendix.NodeColumns, [.. figure.ByNode.Select(n => (IReadOnlyList<string>)[context.NodeName(n.NodeId), n.Value.ToString(CultureInfo.InvariantCulture)])]);
        }
    }
}
