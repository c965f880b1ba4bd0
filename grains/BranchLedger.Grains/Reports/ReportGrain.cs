using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Reports;
using BranchLedger.Domain.Reports;
using Orleans.Concurrency;

namespace BranchLedger.Grains.Reports;

/// <summary>Gathers a subtree's report facts from its ledgers in parallel (see <see cref="IReportGrain"/>).</summary>
[StatelessWorker, Reentrant]
public sealed class ReportGrain : Grain, IReportGrain
{
    private const int DirectoryPageSize = 500;

    private string Tenant => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReportNode>> Subtree(string rootNodeId)
    {
        // One listing of the whole tree (a few pages even for a large body) beats a call per level.
        var all = await AllNodes(GrainFactory.GetGrain<ITenantGrain>(GrainKeys.Tenant(Tenant)));
        var root = all.FirstOrDefault(n => n.NodeId == rootNodeId)
            ?? throw new NotFoundException("branchledger.v1.Node", rootNodeId, $"No node '{rootNodeId}' in tenant '{Tenant}'.");
        var children = all.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!, StringComparer.Ordinal);
        var nodes = new List<ReportNode> { root };
        for (var i = 0; i < nodes.Count; i++)
        {
            nodes.AddRange(children[nodes[i].NodeId]);
        }

        return nodes;
    }

    /// <inheritdoc />
    public async Task<SubtreeReportFacts> GatherFacts(string rootNodeId, int year)
    {
        var nodes = await Subtree(rootNodeId);
        var parts = await Task.WhenAll(nodes.Select(n =>
            GrainFactory.GetGrain<ILedgerGrain>(GrainKeys.Ledger(Tenant, n.NodeId)).GetReportFacts(year)));
        var facts = new ReportFacts
        {
            Meetings = [.. parts.SelectMany(p => p.Facts.Meetings)],
            Talks = [.. parts.SelectMany(p => p.Facts.Talks)],
            RiskPoints = [.. parts.SelectMany(p => p.Facts.RiskPoints)],
            CommunityService = [.. parts.SelectMany(p => p.Facts.CommunityService)],
            QuarterlyReviews = [.. parts.SelectMany(p => p.Facts.QuarterlyReviews)],
            DutyItems = [.. parts.SelectMany(p => p.Facts.DutyItems)],
            Findings = [.. parts.SelectMany(p => p.Facts.Findings)],
            Brands = [.. parts.SelectMany(p => p.Facts.Brands)],
            Honours = [.. parts.SelectMany(p => p.Facts.Honours)],
            Campaigns = [.. parts.SelectMany(p => p.Facts.Campaigns)],
            ThreeMeetingsOneLecture = [.. parts.SelectMany(p => p.Facts.ThreeMeetingsOneLecture)],
            SelfAssessment = [.. parts.SelectMany(p => p.Facts.SelfAssessment)],
            Records = [.. parts.SelectMany(p => p.Facts.Records)],
        };
        return new SubtreeReportFacts(year, nodes, facts, [.. parts.SelectMany(p => p.Labels)]);
    }

    private static async Task<List<ReportNode>> AllNodes(ITenantGrain directory)
    {
        var result = new List<ReportNode>();
        long after = 0;
        while (true)
        {
            var page = await directory.ListNodes(null, includeClosed: true, after, DirectoryPageSize);
            result.AddRange(page.Items.Select(ToReportNode));
            if (page.NextAfter is not { } next)
            {
                return result;
            }

            after = next;
        }
    }

    private static ReportNode ToReportNode(DirectoryNode node) => new(node.NodeId, node.Name, node.Kind, node.ParentId, node.IsClosed);
}
