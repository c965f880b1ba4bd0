using System.Text.Json;
using System.Text.Json.Serialization;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Reports;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Reports;

/// <summary>
/// Checks a tenant's report template (JSON in the <see cref="ReportTemplate"/> shape) before it is
/// stored: strict JSON (no unknown fields, every required field), sizes, known placeholders only, and
/// the parts every report needs. It never throws: every problem is a field violation under the
/// request field (<c>template_json.sections[3].paragraphs[0]</c>), all of them at once, so a draft that
/// is stored always renders.
/// </summary>
public static class ReportTemplateRules
{
    /// <summary>The longest template accepted, in characters (the shipped one is about a tenth of it).</summary>
    public const int MaxJsonLength = 131_072;

    /// <summary>The longest heading, paragraph or phrase, in characters.</summary>
    public const int MaxTextLength = 4_000;

    /// <summary>The most sections a template may have.</summary>
    public const int MaxSections = 100;

    /// <summary>The most paragraphs a section may have.</summary>
    public const int MaxParagraphs = 40;

    /// <summary>The longest year's preamble, in characters (a paragraph or two).</summary>
    public const int MaxPreambleLength = 2_000;

    private static readonly string[] FixedNames = ["organisation", "year", "branches", ReportTemplate.PreamblePlaceholder];
    private static readonly string[] AppendixHeadingNames = ["label", "value", "unit"];
    // A phrase's placeholders: the number, the number in Chinese numerals (FigurePhrase.ChineseCount) and the names.
    private static readonly string[] SomeNames = ["n", FigurePhrase.ChineseCount, "names"];

    /// <summary>The largest fixed whole an "all" form compares with (<see cref="FigurePhrase.AllAt"/>).</summary>
    public const int MaxAllAt = 10_000;

    // The same reading as ReportTemplate.Parse, but strict: a misspelt field is an error, not ignored wording.
    private static readonly JsonSerializerOptions Strict = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    /// <summary>The self-assessment parts every report shows: those the platform default shows.</summary>
    public static IReadOnlySet<SelfAssessmentSection> RequiredParts { get; } =
        ReportTemplate.AnnualReportZh.Sections.Where(s => s.SelfAssessment is not null).Select(s => s.SelfAssessment!.Value).ToHashSet();

    /// <summary>
    /// The sentence slots a template may use: those of the catalogue's kinds and those the platform
    /// default places (slots waiting for a kind). Any other <c>{sentences.…}</c> is a typo that would
    /// silently drop sentences.
    /// </summary>
    public static IReadOnlySet<string> SentenceSlots { get; } =
        RecordCatalogue.Kinds.Where(k => k.Sentence is not null).Select(k => ReportTemplate.SentenceSlot + k.Sentence!.Slot)
            .Concat(ReportTemplate.AnnualReportZh.Sections.SelectMany(s => (s.Paragraphs ?? []).Append(s.Heading ?? ""))
                .SelectMany(TemplateText.Names).Where(n => n.StartsWith(ReportTemplate.SentenceSlot, StringComparison.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The template, with the catalogue's wording added, or null with the reasons in <paramref name="violations"/>.</summary>
    public static ReportTemplate? Read(string? json, Violations violations, string field = "template_json")
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (string.IsNullOrWhiteSpace(json))
        {
            violations.Add(field, "is required: a report template as a JSON document");
            return null;
        }

        if (json.Length > MaxJsonLength)
        {
            violations.Add(field, $"must be at most {MaxJsonLength} characters (got {json.Length})");
            return null;
        }

        if (!TextRules.IsStorable(json))
        {
            violations.Add(field, "must be well-formed Unicode text without control characters (other than tabs and line breaks)");
            return null;
        }

        ReportTemplate? template;
        try
        {
            template = JsonSerializer.Deserialize<ReportTemplate>(json.AsSpan().TrimStart('\uFEFF'), Strict);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            var path = (e as JsonException)?.Path;
            var at = string.IsNullOrEmpty(path) || path == "$" ? "" : $" (at {path})";
            violations.Add(field, "is not a report template" + at + ": " + FirstSentence(e.Message));
            return null;
        }

        if (template is null)
        {
            violations.Add(field, "must be a JSON object");
            return null;
        }

        var found = new Violations();
        Check(template, found);
        violations.AddNested(field + ".", found);
        return found.IsEmpty ? template.WithCatalogueWording() : null;
    }

    /// <summary>Checks a year's preamble: free text the office writes, at most <see cref="MaxPreambleLength"/> characters; empty clears it.</summary>
    public static Violations Preamble(Violations violations, string field, string? text) =>
        violations.Text(field, text, MaxPreambleLength, required: false);

    private static void Check(ReportTemplate t, Violations v)
    {
        // The placeholders of body text: fixed names, the catalogue's sentence slots, and worded figures.
        var worded = t.WithCatalogueWording().Figures;
        var slots = SentenceSlots;
        var figureKeys = ReportFigureKeys.All.ToHashSet(StringComparer.Ordinal);
        bool BodyName(string name) => FixedNames.Contains(name) || slots.Contains(name) || (figureKeys.Contains(name) && worded.ContainsKey(name));

        Text(v, "title", t.Title, BodyName);
        if (t.Sections.Count is 0 or > MaxSections)
        {
            v.Add("sections", $"must have 1 to {MaxSections} sections (got {t.Sections.Count})");
        }

        var preamble = false;
        for (var i = 0; i < Math.Min(t.Sections.Count, MaxSections); i++)
        {
            var s = t.Sections[i];
            var at = $"sections[{i}].";
            if (s is null)
            {
                v.Add($"sections[{i}]", "must be an object");
                continue;
            }

            if (s.Level is < 0 or > 2)
            {
                v.Add(at + "level", "must be 0 (untitled text), 1 (一、…) or 2 (（一）…)");
            }

            if (s.Heading is not null)
            {
                Text(v, at + "heading", s.Heading, BodyName);
                preamble |= Uses(s.Heading, ReportTemplate.PreamblePlaceholder);
            }

            var paragraphs = s.Paragraphs ?? [];
            if (paragraphs.Count > MaxParagraphs)
            {
                v.Add(at + "paragraphs", $"must have at most {MaxParagraphs} paragraphs (got {paragraphs.Count})");
            }

            for (var p = 0; p < Math.Min(paragraphs.Count, MaxParagraphs); p++)
            {
                Text(v, $"{at}paragraphs[{p}]", paragraphs[p], BodyName);
                preamble |= Uses(paragraphs[p], ReportTemplate.PreamblePlaceholder);
            }

            if (s.SelfAssessment is SelfAssessmentSection.Unspecified)
            {
                v.Add(at + "selfAssessment", "must be Problem, Cause or NextStep");
            }
        }

        if (!preamble)
        {
            v.Add("sections", "must place the year's preamble: {preamble} in a heading or paragraph (it renders as nothing when the year has none)");
        }

        var parts = t.Sections.Where(s => s?.SelfAssessment is not null).Select(s => s.SelfAssessment!.Value).ToHashSet();
        foreach (var missing in RequiredParts.Where(p => !parts.Contains(p)).Order())
        {
            v.Add("sections", $"must have a section with \"selfAssessment\": \"{missing}\" (the year's self-assessment entries of that part)");
        }

        Text(v, "selfAssessmentNone", t.SelfAssessmentNone, _ => false);
        if (t.Ordinals.Count is 0 or > 20)
        {
            v.Add("ordinals", $"must have 1 to 20 entries (got {t.Ordinals.Count})");
        }

        for (var i = 0; i < Math.Min(t.Ordinals.Count, 20); i++)
        {
            Text(v, $"ordinals[{i}]", t.Ordinals[i], _ => false, maxLength: 20);
        }

        CheckAppendix(t.Appendix, v);
        foreach (var (key, phrase) in t.Figures)
        {
            var at = $"figures.{key}";
            if (!figureKeys.Contains(key))
            {
                v.Add(at, "is not a figure of the report (see the figure keys of GetReportTrace)");
                continue;
            }

            if (phrase is null)
            {
                v.Add(at, "must be an object with label, some and none");
                continue;
            }

            Text(v, at + ".label", phrase.Label, _ => false, maxLength: 100);
            Text(v, at + ".some", phrase.Some, SomeNames.Contains);
            if (phrase.Named is not null)
            {
                Text(v, at + ".named", phrase.Named, SomeNames.Contains);
            }
            Text(v, at + ".none", phrase.None, _ => false);
            AllForm(v, at, phrase, figureKeys);
        }

        var kinds = RecordCatalogue.Kinds.Where(k => k.Sentence is not null).Select(k => k.BodyField).ToHashSet(StringComparer.Ordinal);
        foreach (var (kind, sentence) in t.Sentences)
        {
            if (!kinds.Contains(kind))
            {
                v.Add($"sentences.{kind}", "is not a record kind with a report sentence: " + string.Join(", ", kinds.Order(StringComparer.Ordinal)));
                continue;
            }

            // A sentence is filled where its slot stands: a slot inside it would fill itself without end.
            Text(v, $"sentences.{kind}", sentence, n => BodyName(n) && !n.StartsWith(ReportTemplate.SentenceSlot, StringComparison.Ordinal));
        }
    }

    // The "all" form (全部, 每季度…): its texts, and exactly one whole to compare with, a figure (allOf) or a number (allAt).
    private static void AllForm(Violations v, string at, FigurePhrase phrase, IReadOnlySet<string> figureKeys)
    {
        if (phrase.All is null)
        {
            foreach (var (name, set) in new[] { ("allNamed", phrase.AllNamed is not null), ("allOf", phrase.AllOf is not null), ("allAt", phrase.AllAt is not null) })
            {
                if (set)
                {
                    v.Add($"{at}.{name}", "is only allowed with \"all\" (the phrase when the figure is the whole)");
                }
            }

            return;
        }

        Text(v, at + ".all", phrase.All, SomeNames.Contains);
        if (phrase.AllNamed is not null)
        {
            Text(v, at + ".allNamed", phrase.AllNamed, SomeNames.Contains);
        }

        if ((phrase.AllOf is null) == (phrase.AllAt is null))
        {
            v.Add(at + ".all", "needs exactly one whole to compare with: \"allOf\" (a figure key) or \"allAt\" (a number)");
        }

        if (phrase.AllOf is { } of && !figureKeys.Contains(of))
        {
            v.Add(at + ".allOf", "is not a figure of the report (see the figure keys of GetReportTrace)");
        }

        if (phrase.AllAt is { } whole && whole is < 1 or > MaxAllAt)
        {
            v.Add(at + ".allAt", $"must be from 1 to {MaxAllAt} (got {whole})");
        }
    }

    private static void CheckAppendix(AppendixTemplate a, Violations v)
    {
        Text(v, "appendix.heading", a.Heading, _ => false);
        Text(v, "appendix.intro", a.Intro, _ => false);
        Text(v, "appendix.figureHeading", a.FigureHeading, AppendixHeadingNames.Contains);
        Text(v, "appendix.figureNone", a.FigureNone, AppendixHeadingNames.Contains);
        Text(v, "appendix.quartersNote", a.QuartersNote, _ => false);
        Columns(v, "appendix.recordColumns", a.RecordColumns, 5);
        Columns(v, "appendix.nodeColumns", a.NodeColumns, 2);
    }

    // A table's rows have a fixed number of cells, so its header must too.
    private static void Columns(Violations v, string field, IReadOnlyList<string>? columns, int count)
    {
        if (columns is null || columns.Count != count)
        {
            v.Add(field, $"must have exactly {count} column names (got {columns?.Count ?? 0})");
            return;
        }

        for (var i = 0; i < count; i++)
        {
            Text(v, $"{field}[{i}]", columns[i], _ => false, maxLength: 50);
        }
    }

    private static void Text(Violations v, string field, string? text, Func<string, bool> known, int maxLength = MaxTextLength)
    {
        var before = v.Items.Count;
        v.Text(field, text, maxLength, required: true);
        if (text is null || v.Items.Count > before)
        {
            return;
        }

        var unknown = TemplateText.Names(text).Where(n => !known(n)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            v.Add(field, $"has unknown placeholder(s) {string.Join(", ", unknown.Select(n => "{" + n + "}"))} here");
        }
    }

    private static bool Uses(string? text, string name) => text is not null && TemplateText.Names(text).Contains(name, StringComparer.Ordinal);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
