namespace BranchLedger.Reports;

/// <summary>
/// One sheet of an export: a name, Chinese column headers, and rows. Cells are strings, or numbers
/// (int, long, double) that spreadsheets should treat as numbers; null is an empty cell.
/// </summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);
