using System.Globalization;

namespace BranchLedger.Reports;

/// <summary>One ledger record as an export row.</summary>
/// <param name="Family">Its family (meeting, talk, …): the sheet it goes on.</param>
/// <param name="NodeName">The organisation or branch that recorded it.</param>
/// <param name="RecordId">Its id (rec-N).</param>
/// <param name="Date">Its current date.</param>
/// <param name="Status">Active, Amended or Voided.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Notes">Its notes.</param>
/// <param name="Details">The family's own fields in column order: a field key of labels.zh.json and a value.</param>
public sealed record LedgerRow(
    string Family, string NodeName, string RecordId, DateOnly Date, string Status, string RecordedBy, DateTimeOffset RecordedAt,
    string Notes, IReadOnlyList<KeyValuePair<string, object?>> Details);

/// <summary>The 台账 as tables: one sheet per record family, or one combined table for a single CSV.</summary>
public static class LedgerTables
{
    private static readonly string[] Leading = ["node", "record_id", "date"];
    private static readonly string[] Trailing = ["notes", "status", "recorded_by", "recorded_at"];

    /// <summary>One table per family, in the order the families first appear; each with the family's own columns.</summary>
    public static IEnumerable<ExportTable> BySheet(IEnumerable<LedgerRow> rows, LedgerLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var family in rows.GroupBy(r => r.Family, StringComparer.Ordinal))
        {
            var fields = family.First().Details.Select(d => d.Key).ToList();
            var headers = Leading.Select(labels.Column).Concat(fields.Select(f => labels.Column(family.Key, f))).Concat(Trailing.Select(labels.Column)).ToList();
            yield return new ExportTable(labels.Sheet(family.Key), headers, family.Select(r => Cells(r, labels, r.Details.Select(d => d.Value))));
        }
    }

    /// <summary>
    /// Every family in one table (CSV has no sheets): the common columns, the family's name, and its own
    /// fields joined as "header：value" in one content column.
    /// </summary>
    public static ExportTable Combined(IEnumerable<LedgerRow> rows, LedgerLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var headers = Leading.Take(1).Append("kind").Concat(Leading.Skip(1)).Append("text").Concat(Trailing).Select(labels.Column).ToList();
        return new ExportTable("台账", headers, rows.Select(r =>
        {
            var content = string.Join("；", r.Details.Select(d => $"{labels.Column(r.Family, d.Key)}：{Convert.ToString(d.Value, CultureInfo.InvariantCulture)}"));
            return (IReadOnlyList<object?>)[r.NodeName, labels.Sheet(r.Family), r.RecordId, Day(r.Date), content, r.Notes,
                labels.Status(r.Status), r.RecordedBy, r.RecordedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)];
        }));
    }

    private static IReadOnlyList<object?> Cells(LedgerRow r, LedgerLabels labels, IEnumerable<object?> details) =>
    [
        r.NodeName, r.RecordId, Day(r.Date), .. details, r.Notes, labels.Status(r.Status), r.RecordedBy,
        r.RecordedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
    ];

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
