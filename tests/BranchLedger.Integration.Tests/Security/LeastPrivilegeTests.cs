using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BranchLedger.Api.V1;
using BranchLedger.Domain.Access;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Security;

/// <summary>
/// Least privilege: a branch secretary bound to one branch reads and writes that branch only — over
/// gRPC, JSON and the downloads alike — until the tenant turns on "secretaries read the whole tenant",
/// which widens reads and never writes.
/// </summary>
public sealed class LeastPrivilegeTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Own = "b1";
    private const string Sibling = "b2";

    [Fact]
    public async Task A_secretary_reads_only_their_branch_until_the_tenant_lets_secretaries_read_the_whole_tenant()
    {
        var tenant = await TenantAsync();
        var secretary = TestCredentials.Bearer("lp-secretary", tenant, Grant.For(Role.BranchSecretary, tenant, [Own]));

        Assert.Equal(Own, (await fixture.Directory.GetNodeAsync(new GetNodeRequest { NodeId = Own }, secretary)).Node.NodeId);
        var sibling = await RefusedAsync(() => fixture.Directory.GetNodeAsync(new GetNodeRequest { NodeId = Sibling }, secretary).ResponseAsync);
        Assert.Equal($"The credential may not read node(s) {Sibling}.", sibling.Status.Detail);
        await RefusedAsync(() => fixture.Ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = Sibling }, secretary).ResponseAsync);
        await RefusedAsync(() => fixture.Ledger.GetComplianceAsync(new GetComplianceRequest { NodeId = Sibling, Period = "2026" }, secretary).ResponseAsync);
        // Tenant-wide reads: the review queue of every branch is refused, the node list filtered to their own.
        await RefusedAsync(() => fixture.Ledger.ListReviewQueueAsync(new ListReviewQueueRequest(), secretary).ResponseAsync);
        Assert.Equal([Own], (await fixture.Directory.ListNodesAsync(new ListNodesRequest(), secretary)).Nodes.Select(n => n.NodeId));
        var admin = GatewayHost.As(tenant);
        Assert.Contains(Sibling, (await fixture.Directory.ListNodesAsync(new ListNodesRequest(), admin)).Nodes.Select(n => n.NodeId));

        // The tenant widens reads; the gateway that took the change sees it at once.
        await SetWholeTenantReadsAsync(tenant, true);
        Assert.True((await fixture.Directory.GetTenantAsync(new GetTenantRequest(), secretary)).Tenant.Profile.SecretariesReadWholeTenant);
        Assert.Equal(Sibling, (await fixture.Directory.GetNodeAsync(new GetNodeRequest { NodeId = Sibling }, secretary)).Node.NodeId);
        await fixture.Ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = Sibling }, secretary);
        Assert.Contains(Sibling, (await fixture.Directory.ListNodesAsync(new ListNodesRequest(), secretary)).Nodes.Select(n => n.NodeId));
        // Writes stay narrowed.
        var write = await RefusedAsync(() => fixture.Ledger.VoidRecordAsync(new VoidRecordRequest { NodeId = Sibling, RequestId = "lp-void" }, secretary).ResponseAsync);
        Assert.Equal($"The credential may not write records of node(s) {Sibling}.", write.Status.Detail);

        // And back off: refused again.
        await SetWholeTenantReadsAsync(tenant, false);
        await RefusedAsync(() => fixture.Directory.GetNodeAsync(new GetNodeRequest { NodeId = Sibling }, secretary).ResponseAsync);
    }

    [Fact]
    public async Task The_setting_is_off_by_default_and_only_a_directory_writer_changes_it()
    {
        var tenant = await TenantAsync();
        var secretary = TestCredentials.Bearer("lp-secretary", tenant, Grant.For(Role.BranchSecretary, tenant, [Own]));
        Assert.False((await fixture.Directory.GetTenantAsync(new GetTenantRequest(), GatewayHost.As(tenant))).Tenant.Profile.SecretariesReadWholeTenant);
        await RefusedAsync(() => fixture.Directory.UpdateTenantProfileAsync(new UpdateTenantProfileRequest
        {
            RequestId = "lp-self-widen", Profile = Profile(tenant, whole: true),
        }, secretary).ResponseAsync);
    }

    [Fact]
    public async Task A_JSON_read_of_a_sibling_branch_is_403_with_the_same_message()
    {
        var tenant = await TenantAsync();
        using var http = fixture.Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestCredentials.Token("lp-secretary", [Grant.For(Role.BranchSecretary, tenant, [Own])]));

        using var own = await http.GetAsync($"/v1/nodes/{Own}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var sibling = await http.GetAsync($"/v1/nodes/{Sibling}");
        Assert.Equal(HttpStatusCode.Forbidden, sibling.StatusCode);
        var error = JsonDocument.Parse(await sibling.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)StatusCode.PermissionDenied, error.GetProperty("code").GetInt32());
        Assert.Equal($"The credential may not read node(s) {Sibling}.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Downloads_follow_the_same_policies_a_secretary_gets_only_their_branch_report_an_auditor_any()
    {
        var tenant = await TenantAsync(members: 8);
        using var secretary = Client(TestCredentials.Token("lp-secretary", [Grant.For(Role.BranchSecretary, tenant, [Own])]));
        using var auditor = Client(TestCredentials.Token("lp-auditor", [Grant.For(Role.Auditor, tenant)]));

        using (var refused = await secretary.GetAsync(Report(Sibling)))
        {
            var body = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{(int)refused.StatusCode} {body}");
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal("PermissionDenied", problem.GetProperty("code").GetString());
            Assert.Equal($"The credential may not read node(s) {Sibling}.", problem.GetProperty("detail").GetString());
        }

        using (var ownReport = await secretary.GetAsync(Report(Own)))
        {
            Assert.Equal(HttpStatusCode.OK, ownReport.StatusCode);
        }

        using (var audited = await auditor.GetAsync(Report(Sibling)))
        {
            Assert.Equal(HttpStatusCode.OK, audited.StatusCode);
            Assert.NotEmpty(await audited.Content.ReadAsByteArrayAsync());
        }
    }

    private static string Report(string node) => $"/v1/downloads/nodes/{node}/annual-report/2026";

    private async Task<string> TenantAsync(int? members = null)
    {
        var tenant = "lp-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.EnsureAsync(tenant, Own, members);
        await fixture.EnsureAsync(tenant, Sibling, members);
        return tenant;
    }

    private async Task SetWholeTenantReadsAsync(string tenant, bool whole)
    {
        var updated = await fixture.Directory.UpdateTenantProfileAsync(new UpdateTenantProfileRequest
        {
            RequestId = $"lp-widen-{whole}", Profile = Profile(tenant, whole),
        }, GatewayHost.As(tenant));
        Assert.Equal(whole, updated.Tenant.Profile.SecretariesReadWholeTenant);
    }

    private static TenantProfile Profile(string tenant, bool whole) => new()
    {
        DisplayName = tenant, BodyKind = BodyKind.PeoplesOrganisation, TimeZone = "Asia/Shanghai", SecretariesReadWholeTenant = whole,
    };

    private HttpClient Client(string token)
    {
        var http = fixture.Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<RpcException> RefusedAsync(Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        return refused;
    }
}
