using System.Text.Json;
using System.Text.Json.Serialization;
using BranchLedger.Domain.Ledger;

namespace BranchLedger.Reports;

/// <summary>
/// The annual report's wording, kept as data (an embedded JSON file) so a city can reword it without
/// touching code: section headings, paragraphs with named placeholders, and per figure the phrase for
/// a counted number and the phrase for "no records". A kind with a catalogue entry brings its figures' wording
/// and its sentence (placed at a <c>{sentences.slot}</c> placeholder) as defaults; a template words them itself
/// by naming the figure key in <see cref="Figures"/> or the kind in <see cref="Sentences"/>.
/// </summary>
public sealed record ReportTemplate
{
    /// <summary>The title; placeholders {organisation} and {year}.</summary>
    public required string Title { get; init; }

    /// <summary>The sections in reading order.</summary>
    public required IReadOnlyList<TemplateSection> Sections { get; init; }

    /// <summary>What a self-assessment section says when the year has no entries for it.</summary>
    public required string SelfAssessmentNone { get; init; }

    /// <summary>How entries of a self-assessment section are numbered (一是, 二是, …).</summary>
    public required IReadOnlyList<string> Ordinals { get; init; }

    /// <summary>The wording of the traceability appendix.</summary>
    public required AppendixTemplate Appendix { get; init; }

    /// <summary>Per figure key, its label and phrases (the template's own, then the catalogue entries' defaults).</summary>
    public required IReadOnlyDictionary<string, FigurePhrase> Figures { get; init; }

    /// <summary>Per kind (its body field, e.g. <c>activity</c>), the sentence that replaces its catalogue entry's default.</summary>
    public IReadOnlyDictionary<string, string> Sentences { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The placeholder prefix of a slot where kinds' sentences go: <c>{sentences.party-spirit}</c>.</summary>
    public const string SentenceSlot = "sentences.";

    /// <summary>The sentences of the kinds placed at <paramref name="slot"/>, in catalogue order, before their placeholders are filled.</summary>
    public IEnumerable<string> SentencesAt(string slot) =>
        Domain.Ledger.Catalogue.RecordCatalogue.Kinds
            .Where(k => k.Sentence?.Slot == slot)
            .Select(k => Sentences.GetValueOrDefault(k.BodyField) ?? k.Sentence!.Text);

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The shipped Chinese template of the secretary's annual report (述职报告).</summary>
    public static ReportTemplate AnnualReportZh { get; } = Load("annual-report.zh.json");

    /// <summary>
    /// The placeholder where the year's preamble goes: free text the office writes per year (e.g. the
    /// year's political occasion), rendered as plain text; a paragraph that is only the preamble is left
    /// out in a year without one.
    /// </summary>
    public const string PreamblePlaceholder = "preamble";

    /// <summary>The shipped template's JSON text: what a tenant without a version of its own is shown, and starts a draft from.</summary>
    public static string AnnualReportZhJson { get; } = ResourceText("annual-report.zh.json");

    private static string ResourceText(string fileName)
    {
        using var reader = new StreamReader(Resource(fileName));
        return reader.ReadToEnd();
    }

    /// <summary>Reads a template from JSON.</summary>
    public static ReportTemplate Parse(Stream json) =>
        (JsonSerializer.Deserialize<ReportTemplate>(json, Options) ?? throw new InvalidDataException("empty report template")).WithCatalogueWording();

    /// <summary>This template with the catalogue entries' figure wording for every key it does not word itself.</summary>
    public ReportTemplate WithCatalogueWording()
    {
        var figures = new Dictionary<string, FigurePhrase>(Figures, StringComparer.Ordinal);
        foreach (var count in Domain.Ledger.Catalogue.RecordCatalogue.Kinds.SelectMany(k => k.Report))
        {
            if (count.Wording is { } w)
            {
                figures.TryAdd(count.Key, new FigurePhrase(w.Label, w.Some, w.None));
            }
        }

        return this with { Figures = figures };
    }

    /// <summary>Reads an embedded JSON resource of this assembly (templates and labels).</summary>
    internal static Stream Resource(string fileName)
    {
        var assembly = typeof(ReportTemplate).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"missing embedded template '{fileName}'");
        return assembly.GetManifestResourceStream(name)!;
    }

    internal static T LoadJson<T>(string fileName)
    {
        using var stream = Resource(fileName);
        return JsonSerializer.Deserialize<T>(stream, Options) ?? throw new InvalidDataException($"empty '{fileName}'");
    }

    private static ReportTemplate Load(string fileName) => LoadJson<ReportTemplate>(fileName).WithCatalogueWording();
}

/// <summary>A heading with its paragraphs, or a self-assessment section filled from records.</summary>
/// <param name="Level">0 for untitled text, 1 for 一、…, 2 for （一）….</param>
/// <param name="Heading">The heading, if any.</param>
/// <param name="Paragraphs">Paragraph templates with {placeholders}.</param>
/// <param name="SelfAssessment">When set, the section lists the year's entries of this part.</param>
public sealed record TemplateSection(int Level, string? Heading, IReadOnlyList<string>? Paragraphs, SelfAssessmentSection? SelfAssessment)
{
    /// <summary>
    /// For a headed sub-section of a self-assessment part (三、下一步 （一）…（四）): the entry order it holds, so the
    /// entry of order 1 goes under （一） and so on; the part's first group also takes any earlier order and its last any later one. Grouped
    /// entries are the sub-section's own paragraphs, so they are not numbered 一是, 二是. Null: the whole part, numbered.
    /// </summary>
    public int? Group { get; init; }
}

/// <summary>How a figure is worded.</summary>
/// <param name="Label">Its name in the appendix and the trace.</param>
/// <param name="Some">The phrase when records counted; {n} is the figure.</param>
/// <param name="None">The phrase when no record counted; it never contains a number.</param>
public sealed record FigurePhrase(string Label, string Some, string None)
{
    /// <summary>The phrase used instead of <see cref="Some"/> when the figure equals the figure <see cref="AllOf"/> (e.g. 全部 when every member on the roster reported).</summary>
    public string? All { get; init; }

    /// <summary>The figure key <see cref="All"/> compares with; null when the phrase has no "all" form or compares with <see cref="AllAt"/>.</summary>
    public string? AllOf { get; init; }

    /// <summary>
    /// A fixed whole <see cref="All"/> compares with instead of a figure (4: the reviews covered every quarter, so
    /// 每季度听取一次…); null when the phrase compares with <see cref="AllOf"/> or has no "all" form.
    /// </summary>
    public int? AllAt { get; init; }

    /// <summary>The "all" form used instead of <see cref="All"/> when the figure names its records ({names}: 通过“…”工作机制，每季度…).</summary>
    public string? AllNamed { get; init; }

    /// <summary>
    /// The figure as a Chinese numeral (一, 十二, 一百零五) instead of digits, for a count the sample writes in words
    /// (我会一名干部…): a format option of {n}. A phrase may also say no count at all (先后召开年轻干部座谈会): the appendix
    /// and the trace still give it.
    /// </summary>
    public const string ChineseCount = "n:zh";

    /// <summary>
    /// The phrase used instead of <see cref="Some"/> when the figure names its records ({names}, e.g. the lecturers a
    /// 专题辅导 records: 邀请市委党校教授开展专题辅导3期); <see cref="Some"/> stays the wording when none is named.
    /// </summary>
    public string? Named { get; init; }
}

/// <summary>The appendix wording.</summary>
public sealed record AppendixTemplate(
    string Heading,
    string Intro,
    IReadOnlyList<string> RecordColumns,
    IReadOnlyList<string> NodeColumns,
    string FigureHeading,
    string FigureNone,
    string QuartersNote);
