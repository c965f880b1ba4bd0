using BranchLedger.Api.V1;

namespace BranchLedger.CityData;

/// <summary>A body of the demo city: its profile and its nodes, the party group first.</summary>
/// <param name="TenantId">The tenant id, sent as the caller's tenant.</param>
/// <param name="Profile">What <c>RegisterTenant</c> records.</param>
/// <param name="Nodes">The party group, then its branches.</param>
public sealed record DemoTenant(string TenantId, TenantProfile Profile, IReadOnlyList<DemoNode> Nodes);

/// <summary>A node of a demo tenant with its roster and its ledger rows, oldest first.</summary>
/// <param name="Node">The <c>CreateNode</c> request, with its fixed request id.</param>
/// <param name="Roster">The <c>SetRoster</c> request of a branch; null for the party group.</param>
/// <param name="Rows">The ledger rows dated up to the day the city was generated for, in the order they are imported.</param>
public sealed record DemoNode(CreateNodeRequest Node, SetRosterRequest? Roster, IReadOnlyList<ImportRow> Rows)
{
    /// <summary>The node id.</summary>
    public string NodeId => Node.NodeId;

    /// <summary>True for a 党支部.</summary>
    public bool IsBranch => Node.Kind == NodeKind.Branch;
}
