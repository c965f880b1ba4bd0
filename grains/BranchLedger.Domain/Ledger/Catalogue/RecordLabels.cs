using System.Text.Json;

namespace BranchLedger.Domain.Ledger.Catalogue;

/// <summary>
/// The Chinese names people read for record kinds (sheets), fields (columns), record statuses and enum
/// values, kept as data in labels.zh.json. One file for the record catalogue, the reports, the exports
/// and the CLI, so a form and the export it ends up in never name a thing two ways.
/// </summary>
/// <param name="Sheets">Per record family (meeting, talk, …), its name.</param>
/// <param name="Columns">Per field name, its label.</param>
/// <param name="Statuses">Per record status, its name.</param>
/// <param name="Enums">Per "Type.Value" of the domain's enums, its name.</param>
public sealed record RecordLabels(
    IReadOnlyDictionary<string, string> Sheets,
    IReadOnlyDictionary<string, string> Columns,
    IReadOnlyDictionary<string, string> Statuses,
    IReadOnlyDictionary<string, string> Enums)
{

    /// <summary>An enum value's label; null when the data has none.</summary>
    public string? Enum<T>(T value) where T : struct, System.Enum => Enums.GetValueOrDefault($"{typeof(T).Name}.{value}");

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The shipped Chinese labels.</summary>
    public static RecordLabels Zh { get; } = Load("BranchLedger.Domain.Ledger.Catalogue.labels.zh.json");

    private static RecordLabels Load(string resource)
    {
        using var stream = typeof(RecordLabels).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"missing embedded resource '{resource}'");
        return JsonSerializer.Deserialize<RecordLabels>(stream, Options)
            ?? throw new InvalidDataException($"empty '{resource}'");
    }
}
