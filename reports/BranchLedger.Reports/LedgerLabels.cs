namespace BranchLedger.Reports;

/// <summary>
/// Chinese names of record families, columns, statuses and enum values: the domain's record labels
/// (labels.zh.json and the catalogue entries' own), so forms, reports and exports name things alike.
/// </summary>
public sealed record LedgerLabels(
    IReadOnlyDictionary<string, string> Sheets,
    IReadOnlyDictionary<string, string> Columns,
    IReadOnlyDictionary<string, string> Statuses,
    IReadOnlyDictionary<string, string> Enums)
{
    /// <summary>The shipped Chinese labels.</summary>
    public static LedgerLabels Zh { get; } = new(
        Domain.Ledger.Catalogue.RecordLabels.Zh.Sheets, Domain.Ledger.Catalogue.RecordLabels.Zh.Columns,
        Domain.Ledger.Catalogue.RecordLabels.Zh.Statuses, Domain.Ledger.Catalogue.RecordLabels.Zh.Enums)
    {
        KindColumns = Domain.Ledger.Catalogue.RecordLabels.Zh.KindColumns,
    };

    /// <summary>Per family with a catalogue entry, its fields' own labels.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> KindColumns { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);

    /// <summary>A family's sheet name; the family itself when unlabelled.</summary>
    public string Sheet(string family) => Sheets.GetValueOrDefault(family, family);

    /// <summary>A column's header; the field itself when unlabelled.</summary>
    public string Column(string field) => Columns.GetValueOrDefault(field, field);

    /// <summary>A field's header in a family's table: the kind's own label when its catalogue entry names it, else <see cref="Column(string)"/>.</summary>
    public string Column(string family, string field) =>
        KindColumns.TryGetValue(family, out var own) && own.TryGetValue(field, out var label) ? label : Column(field);

    /// <summary>A record status's name.</summary>
    public string Status(string status) => Statuses.GetValueOrDefault(status, status);

    /// <summary>An enum value's name (Type.Value in the data); the value's own name when unlabelled.</summary>
    public string Of<T>(T value) where T : struct, Enum =>
        Enums.GetValueOrDefault($"{typeof(T).Name}.{value}", value.ToString());

    /// <summary>是 / 否.</summary>
    public string Of(bool value) => Enums.GetValueOrDefault(value ? "Boolean.True" : "Boolean.False", value.ToString());
}
