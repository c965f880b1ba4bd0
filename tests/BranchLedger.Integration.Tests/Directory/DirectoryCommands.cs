using BranchLedger.Contracts.Directory;
using BranchLedger.Domain.Directory;

namespace BranchLedger.Integration.Tests.OrgDirectory;

/// <summary>Valid tenant-grain commands (what the gateway would send).</summary>
public static class DirectoryCommands
{
    public static DirectoryCommand<TChange> Command<TChange>(TChange change, string? requestId = null, string by = "party-office")
        where TChange : DirectoryChange =>
        new() { RequestId = requestId ?? Guid.NewGuid().ToString(), RecordedBy = by, Change = change };

    public static DirectoryCommand<TenantRegistered> Register(string? requestId = null) => Command(new TenantRegistered
    {
        Profile = new TenantProfile { DisplayName = "市总工会", BodyKind = BodyKind.PeoplesOrganisation, TimeZone = "Asia/Shanghai" },
    }, requestId);

    public static DirectoryCommand<NodeCreated> Create(string nodeId, NodeKind kind, string? parentId, string? requestId = null) =>
        Command(new NodeCreated { NodeId = nodeId, Kind = kind, Name = nodeId + " 名称", ParentId = parentId }, requestId);

    public static DirectoryCommand<RosterSet> Roster(string nodeId, DateOnly from, int members, string? requestId = null) =>
        Command(new RosterSet
        {
            NodeId = nodeId,
            Roster = new RosterFigures { EffectiveFrom = from, Secretary = "李书记", CommitteeMembers = 3, Members = members, VotingMembers = members },
        }, requestId);

    /// <summary>Registers the tenant and builds party-group → branch-a → group-a.</summary>
    public static async Task<ITenantGrain> SampleTree(ITenantGrain tenant)
    {
        await tenant.RegisterTenant(Register());
        await tenant.CreateNode(Create("party-group", NodeKind.Organisation, null));
        await tenant.CreateNode(Create("branch-a", NodeKind.Branch, "party-group"));
        await tenant.CreateNode(Create("group-a", NodeKind.SmallGroup, "branch-a"));
        return tenant;
    }
}
