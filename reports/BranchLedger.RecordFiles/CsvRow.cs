namespace BranchLedger.RecordFiles;

/// <summary>One data row of a table file: its 1-based line (or sheet row) number and its cells by (lower-case) column name.</summary>
public sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>The trimmed cell, or null when the column is missing or the cell empty.</summary>
    public string? this[string column] => Cells.TryGetValue(column, out var v) && v.Trim() is { Length: > 0 } t ? t : null;
}
