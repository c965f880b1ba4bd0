using System.Text.Json;
using System.Text.Json.Serialization;
using BranchLedger.Domain.Ledger;

namespace BranchLedger.Reports;

/// <summary>
/// The annual report's wording, kept as data (an embedded JSON file) so a city can reword it without
/// touching code: section headings, paragraphs with named placeholders, and per figure the phrase for
/// a counted number and the phrase for "no records".
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

    /// <summary>Per figure key, its label and phrases.</summary>
    public required IReadOnlyDictionary<string, FigurePhrase> Figures { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The shipped Chinese template of the secretary's annual report (述职报告).</summary>
    public static ReportTemplate AnnualReportZh { get; } = Load("annual-report.zh.json");

    /// <summary>Reads a template from JSON.</summary>
    public static ReportTemplate Parse(Stream json) =>
        JsonSerializer.Deserialize<ReportTemplate>(json, Options) ?? throw new InvalidDataException("empty report template");

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

    private static ReportTemplate Load(string fileName) => LoadJson<ReportTemplate>(fileName);
}

/// <summary>A heading with its paragraphs, or a self-assessment section filled from records.</summary>
/// <param name="Level">0 for untitled text, 1 for 一、…, 2 for （一）….</param>
/// <param name="Heading">The heading, if any.</param>
/// <param name="Paragraphs">Paragraph templates with {placeholders}.</param>
/// <param name="SelfAssessment">When set, the section lists the year's entries of this part.</param>
public sealed record TemplateSection(int Level, string? Heading, IReadOnlyList<string>? Paragraphs, SelfAssessmentSection? SelfAssessment);

/// <summary>How a figure is worded.</summary>
/// <param name="Label">Its name in the appendix and the trace.</param>
/// <param name="Some">The phrase when records counted; {n} is the figure.</param>
/// <param name="None">The phrase when no record counted; it never contains a number.</param>
public sealed record FigurePhrase(string Label, string Some, string None);

/// <summary>The appendix wording.</summary>
public sealed record AppendixTemplate(
    string Heading,
    string Intro,
    IReadOnlyList<string> RecordColumns,
    IReadOnlyList<string> NodeColumns,
    string FigureHeading,
    string FigureNone,
    string QuartersNote);
