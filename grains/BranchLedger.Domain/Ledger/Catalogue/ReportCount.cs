namespace BranchLedger.Domain.Ledger.Catalogue;

/// <summary>
/// A figure of the annual report that a kind's records feed, counted from their fields with no code of
/// its own: every record of the year whose <paramref name="WhereField"/> holds one of <paramref name="WhereValues"/>
/// (all records when null) counts once, or adds its <paramref name="SumField"/>. The figure's wording is the
/// report template's (a figure key of the template), so each body words it its own way; <see cref="Wording"/> is the
/// default the shipped template takes when it does not word the key itself.
/// </summary>
/// <param name="Key">The figure key, e.g. <c>activities.total</c>.</param>
/// <param name="Unit">Its unit (a constant of <see cref="Reports.ReportUnits"/>).</param>
/// <param name="SumField">The whole-number field (proto name) each record adds; null to count records.</param>
/// <param name="WhereField">The choice field (proto name) that selects the records; null for every record.</param>
/// <param name="WhereValues">The values (API enum names) of <paramref name="WhereField"/> that count.</param>
public sealed record ReportCount(string Key, string Unit, string? SumField = null, string? WhereField = null, IReadOnlyList<string>? WhereValues = null)
{
    /// <summary>The default wording, from the kind's catalogue entry; null when the template must word it.</summary>
    public FigureWording? Wording { get; init; }

    /// <summary>
    /// How each counted record is named in the report's phrase (<c>{names}</c>, joined by 、): its fields as
    /// {placeholders}, e.g. <c>{subject}被{recognised_by}评为{wording}</c>. A record with any of those fields empty
    /// does not count, so a name never has a hole; null when the figure names nothing.
    /// </summary>
    public string? Names { get; init; }

    /// <summary>Whether a record with these field values (proto name → value) counts.</summary>
    public bool Selects(IReadOnlyDictionary<string, string> fields) =>
        (WhereField is null || (fields.TryGetValue(WhereField, out var value) && (WhereValues ?? []).Contains(value, StringComparer.Ordinal)))
        && (Names is null || NameFields(Names).All(f => fields.TryGetValue(f, out var text) && text.Length > 0));

    /// <summary>This record's name by <see cref="Names"/>, or null when the figure names nothing.</summary>
    public string? NameOf(IReadOnlyDictionary<string, string> fields) =>
        Names is null ? null : System.Text.RegularExpressions.Regex.Replace(Names, @"\{([a-z_]+)\}", m => fields.GetValueOrDefault(m.Groups[1].Value) ?? "");

    private static IEnumerable<string> NameFields(string names) =>
        System.Text.RegularExpressions.Regex.Matches(names, @"\{([a-z_]+)\}").Select(m => m.Groups[1].Value);
}
