using System.Globalization;
using BranchLedger.Domain.Reports;

namespace BranchLedger.Reports;

/// <summary>One record counted by one figure.</summary>
/// <param name="FigureKey">The figure (a key of <see cref="ReportFigureKeys"/>).</param>
/// <param name="Label">The figure's name as the template words it.</param>
/// <param name="NodeId">The node whose ledger holds the record.</param>
/// <param name="NodeName">That node's name.</param>
/// <param name="Sequence">The record's sequence there.</param>
/// <param name="RecordId">The record's id as the API shows it (rec-N).</param>
/// <param name="Date">Its date (yyyy-MM-dd), or empty when unknown.</param>
/// <param name="Family">Its family label, or empty when unknown.</param>
/// <param name="Summary">What it says, or empty when unknown.</param>
public sealed record TraceRow(
    string FigureKey, string Label, string NodeId, string NodeName, long Sequence, string RecordId, string Date, string Family, string Summary);

/// <summary>Lists, figure by figure, the records each one counted: the appendix and the trace call share it.</summary>
public static class ReportTrace
{
    /// <summary>Every counted record of every figure (or of <paramref name="figureKey"/> only), in figure order, then node and sequence.</summary>
    public static IEnumerable<TraceRow> Rows(ReportTemplate template, ReportFigures figures, ReportContext context, string? figureKey = null)
    {
        var labels = LedgerLabels.Zh;
        foreach (var figure in figures.Figures.Where(f => figureKey is null || f.Key == figureKey))
        {
            var label = template.Figures.TryGetValue(figure.Key, out var phrase) ? phrase.Label : figure.Key;
            foreach (var source in figure.Sources)
            {
                var record = context.Records.GetValueOrDefault(source);
                yield return new TraceRow(
                    figure.Key, label, source.NodeId, context.NodeName(source.NodeId), source.Sequence, $"rec-{source.Sequence}",
                    record?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    record is null ? "" : labels.Sheet(record.Family),
                    record?.Summary ?? "");
            }
        }
    }
}
