using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Reports;
using BranchLedger.Domain.Reports;
using BranchLedger.Reports;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// What the annual report is made of: the subtree's facts gathered by the tenant's report grain,
/// the figures the domain counts from them, and the names of nodes and records for the trace.
/// (The report benchmark links this file, so it measures exactly what the gateway runs.)
/// </summary>
internal static class AnnualReportInput
{
    public static async Task<(ReportFigures Figures, ReportContext Context)> GatherAsync(IGrainFactory grains, string tenant, string nodeId, int year)
    {
        var gathered = await grains.GetGrain<IReportGrain>(GrainKeys.Tenant(tenant)).GatherFacts(nodeId, year);
        var root = gathered.Nodes[0];

        // A root organisation is the body itself: the report is the body's (市残联), not its node's.
        var name = root.ParentId is null && await grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenant)).GetTenant() is { } info
            ? info.Profile.DisplayName
            : root.Name;
        var context = new ReportContext(
            name,
            gathered.Nodes.Count - 1,
            gathered.Nodes.ToDictionary(n => n.NodeId, n => n.Name, StringComparer.Ordinal),
            gathered.Labels.ToDictionary(l => new RecordRef(l.NodeId, l.Sequence), l => new TraceRecord(l.Date, l.Family, l.Summary)));
        return (AnnualReportFigures.Compute(gathered.Facts, year), context);
    }
}
