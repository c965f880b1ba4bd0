using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Domain.Directory;

namespace BranchLedger.Browser.Tests;

/// <summary>
/// A body (市妇联) for the web app's tests: a party group and two branches; the first's roster names its
/// committee (王敏, 李华, 张强) and members, so attendance can be ticked from it.
/// </summary>
public static class WebBody
{
    public const string Root = "party-group";
    public const string Branch = "office-branch";
    public const string Sibling = "rights-branch";

    public static async Task<string> SeedAsync(DashboardPlatform platform, string tenant)
    {
        var directory = platform.Grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenant));
        await directory.RegisterTenant(Command("register", new TenantRegistered
        {
            Profile = new TenantProfile { DisplayName = "市妇女联合会", BodyKind = BodyKind.PeoplesOrganisation, TimeZone = "Asia/Shanghai" },
        }));
        await directory.CreateNode(Command("root", new NodeCreated { NodeId = Root, Kind = NodeKind.Organisation, Name = "党组" }));
        await directory.CreateNode(Command("b1", new NodeCreated { NodeId = Branch, Kind = NodeKind.Branch, Name = "机关党支部", ParentId = Root }));
        await directory.CreateNode(Command("b2", new NodeCreated { NodeId = Sibling, Kind = NodeKind.Branch, Name = "权益部党支部", ParentId = Root }));
        string[] committee = ["王敏", "李华", "张强"];
        await directory.SetRoster(Command("roster", new RosterSet
        {
            NodeId = Branch,
            Roster = new RosterFigures
            {
                EffectiveFrom = new DateOnly(2020, 1, 1), Secretary = "李华", CommitteeMembers = 3, Members = 8, VotingMembers = 8,
                CommitteeNames = committee, MemberNames = [.. committee, "赵一", "钱二", "孙三", "周四", "吴五"],
            },
        }));
        return tenant;
    }

    private static DirectoryCommand<T> Command<T>(string requestId, T change)
        where T : DirectoryChange => new() { RequestId = requestId, RecordedBy = "party-office", Change = change };
}
