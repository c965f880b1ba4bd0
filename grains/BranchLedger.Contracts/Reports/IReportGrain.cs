namespace BranchLedger.Contracts.Reports;

/// <summary>
/// Gathers what reports and exports need from a subtree of a tenant's organisation tree, asking every
/// ledger in parallel. A stateless worker keyed by the tenant (<see cref="GrainKeys.Tenant"/>): it keeps
/// nothing, so reports never contend with writes for a grain's turn.
/// </summary>
public interface IReportGrain : IGrainWithStringKey
{
    /// <summary>The node and every node under it (closed ones too: their records still count).</summary>
    /// <exception cref="Errors.NotFoundException">when the tenant has no such node.</exception>
    Task<IReadOnlyList<ReportNode>> Subtree(string rootNodeId);

    /// <summary>The report facts of the node's subtree for <paramref name="year"/>, sealed years included.</summary>
    /// <exception cref="Errors.NotFoundException">when the tenant has no such node.</exception>
    Task<SubtreeReportFacts> GatherFacts(string rootNodeId, int year);
}
