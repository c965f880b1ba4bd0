using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Reports;

namespace BranchLedger.Contracts.Reports;

/// <summary>What a counted record was, so a figure's trace names more than a sequence number.</summary>
/// <param name="NodeId">The node whose ledger holds it.</param>
/// <param name="Sequence">Its sequence there.</param>
/// <param name="Date">Its current date.</param>
/// <param name="Family">Its family (meeting, talk, …).</param>
/// <param name="Summary">Its topic, name or title as it reads now.</param>
[GenerateSerializer, Immutable, Alias("branchledger.RecordLabel")]
public sealed record RecordLabel(
    [property: Id(0)] string NodeId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] DateOnly Date,
    [property: Id(3)] string Family,
    [property: Id(4)] string Summary);

/// <summary>A node of the subtree a report covers.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ReportNode")]
public sealed record ReportNode(
    [property: Id(0)] string NodeId,
    [property: Id(1)] string Name,
    [property: Id(2)] NodeKind Kind,
    [property: Id(3)] string? ParentId,
    [property: Id(4)] bool IsClosed);

/// <summary>One ledger's report facts for a year, with a label per record they name.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.NodeReportFacts")]
public sealed record NodeReportFacts(
    [property: Id(0)] ReportFacts Facts,
    [property: Id(1)] IReadOnlyList<RecordLabel> Labels);

/// <summary>The report facts of an organisation and every node under it, merged, for one year.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Nodes">The subtree, root first, then breadth-first in directory order.</param>
/// <param name="Facts">Every node's facts, merged.</param>
/// <param name="Labels">A label per record the facts name.</param>
[GenerateSerializer, Immutable, Alias("branchledger.SubtreeReportFacts")]
public sealed record SubtreeReportFacts(
    [property: Id(0)] int Year,
    [property: Id(1)] IReadOnlyList<ReportNode> Nodes,
    [property: Id(2)] ReportFacts Facts,
    [property: Id(3)] IReadOnlyList<RecordLabel> Labels);
