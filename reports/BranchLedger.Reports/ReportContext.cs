using BranchLedger.Domain.Reports;

namespace BranchLedger.Reports;

/// <summary>What a counted record was, for the trace (date, family, what it says).</summary>
/// <param name="Date">Its current date.</param>
/// <param name="Family">Its family (meeting, talk, …).</param>
/// <param name="Summary">Its topic, name or title.</param>
public sealed record TraceRecord(DateOnly Date, string Family, string Summary);

/// <summary>Who the report is about and how to name the records behind its figures.</summary>
/// <param name="OrganisationName">The organisation the report is for.</param>
/// <param name="BranchCount">How many nodes under it the figures cover.</param>
/// <param name="NodeNames">Node id → name.</param>
/// <param name="Records">What each counted record was; a record missing here is listed by its id only.</param>
public sealed record ReportContext(
    string OrganisationName,
    int BranchCount,
    IReadOnlyDictionary<string, string> NodeNames,
    IReadOnlyDictionary<RecordRef, TraceRecord> Records)
{
    /// <summary>The node's name, or its id when the directory has no name for it.</summary>
    public string NodeName(string nodeId) => NodeNames.GetValueOrDefault(nodeId, nodeId);
}
