using BranchLedger.Api.V1;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Access;
using BranchLedger.Integration.Tests.Infrastructure;

namespace BranchLedger.Integration.Tests.Security;

/// <summary>The silo's tenant boundary filter: defence in depth behind the gateway.</summary>
public sealed class TenantBoundaryTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_call_on_behalf_of_one_tenant_cannot_reach_another_tenants_grain()
    {
        await fixture.EnsureAsync("wall-a", "office-branch");
        await fixture.EnsureAsync("wall-b", "office-branch");
        var ledgerOfB = fixture.Grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger("wall-b", "office-branch"));
        try
        {
            TenantBoundary.ActFor("wall-a");
            await Assert.ThrowsAsync<CrossTenantCallException>(() => ledgerOfB.ListRecords(new RecordQuery { PageSize = 10 }));

            TenantBoundary.ActFor("wall-b");
            Assert.NotNull(await ledgerOfB.ListRecords(new RecordQuery { PageSize = 10 }));
        }
        finally
        {
            TenantBoundary.ActFor(null);
        }
    }

    [Fact]
    public async Task A_grain_of_one_tenant_cannot_call_into_another_tenants_grain()
    {
        await fixture.EnsureAsync("wall-d", "office-branch");
        await fixture.EnsureAsync("wall-e", "office-branch");
        var probe = fixture.Grains.GetGrain<ITenantProbeGrain>(GrainKeys.Ledger("wall-d", "probe"));

        Assert.Equal(0, await probe.CountRecords("wall-d", "office-branch"));
        await Assert.ThrowsAsync<CrossTenantCallException>(() => probe.CountRecords("wall-e", "office-branch"));
    }

    [Fact]
    public async Task Grains_of_a_tenant_call_their_own_tenants_grains_and_the_city_ranking_path_reaches_every_tenant()
    {
        await fixture.EnsureAsync("wall-c", "office-branch", members: 20);
        var admin = TestCredentials.Bearer("wall-admin", null, Grant.For(Role.TenantAdmin, "wall-c"));

        // A write goes gateway → ledger (tenant wall-c) → ranking ingress and shards (city path).
        await fixture.Ledger.RecordMeetingAsync(Meetings.Request("office-branch", "wall-1"), admin);
        // A tenant-wide change goes gateway → directory (wall-c) → every ledger of wall-c.
        await fixture.Directory.UpdateTenantProfileAsync(new UpdateTenantProfileRequest
        {
            RequestId = "wall-zone",
            Profile = new TenantProfile { DisplayName = "wall-c", BodyKind = BodyKind.PeoplesOrganisation, TimeZone = "Asia/Urumqi" },
        }, admin);
        Assert.Single((await fixture.Ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "office-branch" }, admin)).Records);

        // A supervisor acting on the tenant reads through the same boundary.
        var read = await fixture.Ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "office-branch" }, TestCredentials.Supervisor("wall-c"));
        Assert.Single(read.Records);
    }
}
