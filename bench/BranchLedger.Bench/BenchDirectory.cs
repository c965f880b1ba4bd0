using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Domain.Directory;

namespace BranchLedger.Bench;

/// <summary>
/// The bench tenant in the directory: a root organisation and one branch per benchmarked ledger, so
/// ledgers whose writes require a known, open node accept the bench's records. No rosters are set,
/// so no attendance limit applies to the generated meetings.
/// </summary>
internal static class BenchDirectory
{
    public const string Tenant = "bench";
    public const string Root = "bench-org";

    public static async Task RegisterAsync(IGrainFactory grains, params string[] branches)
    {
        var tenant = grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(Tenant));
        await tenant.RegisterTenant(new DirectoryCommand<TenantRegistered>
        {
            RequestId = "bench-tenant",
            RecordedBy = "bench",
            Change = new TenantRegistered
            {
                Profile = new TenantProfile { DisplayName = "基准测试单位", BodyKind = BodyKind.GovernmentDepartment, TimeZone = "Asia/Shanghai" },
            },
        });
        await tenant.CreateNode(new DirectoryCommand<NodeCreated>
        {
            RequestId = "bench-node-root",
            RecordedBy = "bench",
            Change = new NodeCreated { NodeId = Root, Kind = NodeKind.Organisation, Name = "机关党委" },
        });
        foreach (var branch in branches)
        {
            await tenant.CreateNode(new DirectoryCommand<NodeCreated>
            {
                RequestId = $"bench-node-{branch}",
                RecordedBy = "bench",
                Change = new NodeCreated { NodeId = branch, Kind = NodeKind.Branch, Name = $"第{branch.Length}党支部", ParentId = Root },
            });
        }
    }
}
