namespace BranchLedger.Api.V1;

/// <summary>
/// A request about nodes of the acting tenant. Authorization reads the nodes from here (typed, not by
/// field name) and checks them against node-scoped grants: a branch secretary bound to b1 may read or
/// write b1 only. An empty list means "the whole tenant" (e.g. a review queue without a node), which a
/// node-scoped grant may read only when the tenant allows it.
/// </summary>
public interface INodeScoped
{
    /// <summary>The nodes the request reads or writes; empty for the whole tenant.</summary>
    IReadOnlyList<string> ScopedNodeIds { get; }
}

/// <summary>
/// A request that reads no one node's data: tenant settings, or a listing whose handler filters it to
/// the nodes the caller may read. Any other request without <see cref="INodeScoped"/> counts as reading
/// the whole tenant (fail closed for node-scoped grants).
/// </summary>
public interface ITenantLevel;

/// <summary>The tenant's profile: settings, not node data.</summary>
public sealed partial class GetTenantRequest : ITenantLevel;

/// <summary>The tenant's obligation rules: settings, not node data.</summary>
public sealed partial class ListObligationsRequest : ITenantLevel;

/// <summary>Filtered by the handler to the nodes the caller may read.</summary>
public sealed partial class ListNodesRequest : ITenantLevel;

/// <summary>The tenant's report template versions: settings, not node data.</summary>
public sealed partial class ListReportTemplateVersionsRequest : ITenantLevel;

/// <summary>A report template version: settings, not node data.</summary>
public sealed partial class GetReportTemplateRequest : ITenantLevel;

/// <summary>A year's report preamble: the office's text, not node data.</summary>
public sealed partial class GetReportPreambleRequest : ITenantLevel;

public sealed partial class RecordMeetingRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class RecordTalkRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class RecordQuarterlyReviewRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class RecordCommunityServiceRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class RecordRiskPointRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class RecordBrandProjectRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class RecordHonourRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class RecordCampaignRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class RecordSelfAssessmentRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class VoidRecordRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class AmendRecordRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class GetRecordRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class ReviewRecordRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class ListReviewQueueRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class ListRecordsRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class SealYearRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class ImportRecordsRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class CreateDutyItemRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class UpdateDutyItemStatusRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class RaiseFindingRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class RecordFindingProgressRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class CloseFindingRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class ReopenFindingRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class ListDutyItemsRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class ListFindingsRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class GetComplianceRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class ListWarningsRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class GetScoreRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class GetNodeRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class ListNodeHistoryRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class ListRostersRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class SetRosterRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class RenameNodeRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class MoveNodeRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class CloseNodeRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class GetBranchRankRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class GetBranchTrendRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class GetOrganisationScoreRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class GenerateAnnualReportRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class GetReportTraceRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class ExportLedgerRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}

public sealed partial class AppendRecordRequest : INodeScoped
{
    IReadOnlyList<string> INodeScoped.ScopedNodeIds => NodeId.Length == 0 ? [] : [NodeId];
}
