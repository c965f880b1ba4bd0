using BranchLedger.Api.V1;
using BodyKind = BranchLedger.Domain.Directory.BodyKind;
using NodeCreated = BranchLedger.Contracts.Directory.NodeCreated;
using TenantProfile = BranchLedger.Contracts.Directory.TenantProfile;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Domain.Directory;
using Grpc.Core;
using NodeKind = BranchLedger.Domain.Directory.NodeKind;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>
/// Ledgers belong to nodes of a tenant's directory. These put a tenant and a node in place before a
/// test writes: ids starting with "org" become root organisations, others branches under "party-group".
/// Request ids are fixed, so ensuring twice changes nothing.
/// </summary>
public static class Nodes
{
    public const string Root = "party-group";

    /// <summary>Registers the tenant (named by its id unless <paramref name="displayName"/> is given).</summary>
    public static async Task RegisterAsync(IGrainFactory grains, string tenant, string? displayName = null) =>
        await grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenant)).RegisterTenant(Command("ensure-register", new TenantRegistered
        {
            Profile = new TenantProfile { DisplayName = displayName ?? tenant, BodyKind = BodyKind.PeoplesOrganisation, TimeZone = "Asia/Shanghai" },
        }));

    public static async Task EnsureAsync(IGrainFactory grains, string tenant, string node, int? members = null, string? tenantName = null)
    {
        var directory = grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenant));
        await RegisterAsync(grains, tenant, tenantName);
        var (kind, parent) = Place(node);
        if (parent is not null)
        {
            await directory.CreateNode(Command("ensure-root", new NodeCreated { NodeId = Root, Kind = NodeKind.Organisation, Name = "党组" }));
        }

        await directory.CreateNode(Command($"ensure-{node}", new NodeCreated { NodeId = node, Kind = kind, Name = node, ParentId = parent }));
        if (members is { } count)
        {
            await directory.SetRoster(Command($"ensure-roster-{node}-{count}", new RosterSet
            {
                NodeId = node,
                Roster = new RosterFigures { EffectiveFrom = new DateOnly(2020, 1, 1), CommitteeMembers = Math.Min(7, count), Members = count, VotingMembers = count },
            }));
        }
    }

    public static async Task EnsureAsync(DirectoryService.DirectoryServiceClient directory, string tenant, string node, int? members = null)
    {
        var caller = GatewayHost.As(tenant, "party-office");
        await directory.RegisterTenantAsync(new RegisterTenantRequest
        {
            RequestId = "ensure-register",
            Profile = new Api.V1.TenantProfile { DisplayName = tenant, BodyKind = Api.V1.BodyKind.PeoplesOrganisation },
        }, caller);
        var (kind, parent) = Place(node);
        if (parent is not null)
        {
            await directory.CreateNodeAsync(new CreateNodeRequest { RequestId = "ensure-root", NodeId = Root, Kind = Api.V1.NodeKind.Organisation, Name = "党组" }, caller);
        }

        await directory.CreateNodeAsync(new CreateNodeRequest { RequestId = $"ensure-{node}", NodeId = node, Kind = (Api.V1.NodeKind)(int)kind, Name = node, ParentId = parent ?? "" }, caller);
        if (members is { } count)
        {
            await directory.SetRosterAsync(new SetRosterRequest
            {
                RequestId = $"ensure-roster-{node}-{count}", NodeId = node, EffectiveFrom = new Google.Type.Date { Year = 2020, Month = 1, Day = 1 },
                CommitteeMembers = Math.Min(7, count), Members = count, VotingMembers = count,
            }, caller);
        }
    }

    private static (NodeKind Kind, string? Parent) Place(string node) =>
        node.StartsWith("org", StringComparison.Ordinal) ? (NodeKind.Organisation, null) : (NodeKind.Branch, Root);

    private static DirectoryCommand<T> Command<T>(string requestId, T change)
        where T : DirectoryChange => new() { RequestId = requestId, RecordedBy = "party-office", Change = change };
}
