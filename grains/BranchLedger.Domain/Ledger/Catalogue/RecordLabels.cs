using System.Text.Json;

namespace BranchLedger.Domain.Ledger.Catalogue;

/// <summary>
/// The Chinese names people read for record kinds (sheets), fields (columns), record statuses and enum
/// values. The built-in kinds' and the shared names (common columns, statuses, rankings) are data in
/// labels.zh.json; a kind with a catalogue entry (<see cref="RecordKindEntry"/>) carries its own, and
/// <see cref="Zh"/> joins both. One source for the record catalogue, the reports, the exports and the CLI,
/// so a form and the export it ends up in never name a thing two ways.
/// </summary>
/// <param name="Sheets">Per record family (meeting, talk, …), its name.</param>
/// <param name="Columns">Per field name, its label (the first kind to name a field labels it here).</param>
/// <param name="Statuses">Per record status, its name.</param>
/// <param name="Enums">Per "Type.Value" of the domain's enums, its name.</param>
public sealed record RecordLabels(
    IReadOnlyDictionary<string, string> Sheets,
    IReadOnlyDictionary<string, string> Columns,
    IReadOnlyDictionary<string, string> Statuses,
    IReadOnlyDictionary<string, string> Enums)
{
    /// <summary>Per family with a catalogue entry, its fields' own labels (a 标题 of one kind is not another's).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> KindColumns { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);

    /// <summary>An enum value's label; null when the data has none.</summary>
    public string? Enum<T>(T value) where T : struct, System.Enum => Enums.GetValueOrDefault($"{typeof(T).Name}.{value}");

    /// <summary>A field's label in a family: the kind's own when its entry names it, else the shared column label.</summary>
    public string? Column(string family, string field) =>
        KindColumns.TryGetValue(family, out var own) && own.TryGetValue(field, out var label) ? label : Columns.GetValueOrDefault(field);

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The shared and built-in kinds' labels of labels.zh.json alone (what entries take "日期" and "备注" from).</summary>
    public static RecordLabels Shared { get; } = Load("BranchLedger.Domain.Ledger.Catalogue.labels.zh.json");

    /// <summary>The shipped Chinese labels: labels.zh.json and every catalogue entry's.</summary>
    /// <remarks>Built on first use: the entries take their shared labels from <see cref="Shared"/> while they are made.</remarks>
    public static RecordLabels Zh => LazyZh.Value;

    private static readonly Lazy<RecordLabels> LazyZh = new(() => Shared.With(RecordCatalogue.Entries));

    /// <summary>These labels and the entries': a sheet or enum value named twice with two labels is a start-up error.</summary>
    public RecordLabels With(IEnumerable<RecordKindEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sheets = new Dictionary<string, string>(Sheets, StringComparer.Ordinal);
        var columns = new Dictionary<string, string>(Columns, StringComparer.Ordinal);
        var enums = new Dictionary<string, string>(Enums, StringComparer.Ordinal);
        var kindColumns = new Dictionary<string, IReadOnlyDictionary<string, string>>(KindColumns, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            AddOnce(sheets, entry.BodyField, entry.Label, entry.Id);
            kindColumns[entry.BodyField] = entry.Fields.ToDictionary(f => f.Rule.Name, f => f.Label, StringComparer.Ordinal);
            foreach (var field in entry.Fields)
            {
                columns.TryAdd(field.Rule.Name, field.Label);
                foreach (var choice in field.Choices ?? [])
                {
                    AddOnce(enums, $"{choice.Value.GetType().Name}.{choice.Value}", choice.Label, entry.Id);
                }
            }
        }

        return new RecordLabels(sheets, columns, Statuses, enums) { KindColumns = kindColumns };
    }

    private static void AddOnce(Dictionary<string, string> labels, string key, string label, string entry)
    {
        if (labels.TryGetValue(key, out var known) && known != label)
        {
            throw new InvalidDataException($"the catalogue entry '{entry}' labels '{key}' '{label}', already labelled '{known}'");
        }

        labels[key] = label;
    }

    private static RecordLabels Load(string resource)
    {
        using var stream = typeof(RecordLabels).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"missing embedded resource '{resource}'");
        return JsonSerializer.Deserialize<RecordLabels>(stream, Options)
            ?? throw new InvalidDataException($"empty '{resource}'");
    }
}
