namespace BranchLedger.Domain.Reports;

/// <summary>
/// One number of the annual report. A figure with no records is 0 with no sources: the renderer says
/// "no records" rather than inventing a number.
/// </summary>
/// <param name="Key">A key of <see cref="ReportFigureKeys"/>.</param>
/// <param name="Value">The number.</param>
/// <param name="Unit">One of <see cref="ReportUnits"/>.</param>
/// <param name="Sources">The records that counted, ordered by node then sequence; empty for figures the caller counted (三会一课).</param>
/// <param name="ByNode">Each node's share of <paramref name="Value"/>, ordered by node; only nodes with records (or caller-given counts) appear, even when their share is 0.</param>
public sealed record ReportFigure(string Key, int Value, string Unit, IReadOnlyList<RecordRef> Sources, IReadOnlyList<NodeValue> ByNode)
{
    /// <summary>True when no record counted, so the renderer should say so.</summary>
    public bool HasNoRecords => Sources.Count == 0 && ByNode.Count == 0;

    /// <summary>
    /// What the counted records are called, each once, in source order (a brand's or a self-inspection's name),
    /// for the phrase's {names}; empty when the figure names nothing.
    /// </summary>
    public IReadOnlyList<string> Names { get; init; } = [];
}
