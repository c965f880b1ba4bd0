using BranchLedger.Api.V1;
using BranchLedger.Domain.Access;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Gateway;

/// <summary>
/// The verifier right (findings.verify) over real gRPC: a finding is closed, and a duty item verified,
/// only by someone holding it, and a finding never by whoever raised it or recorded its remediation.
/// </summary>
public sealed class VerifierTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Tenant = "tenant-verify";
    private const string Node = "verify-branch";
    private const string FindingId = "inspection-2026-02";

    // A raised the finding, C recorded its remediation: both admins, so both hold findings.verify.
    private static readonly Metadata AdminA = GatewayHost.As(Tenant, "admin-a");
    private static readonly Metadata AdminC = GatewayHost.As(Tenant, "admin-c");
    private static readonly Metadata Secretary = TestCredentials.Bearer("secretary-s", Tenant, Grant.For(Role.BranchSecretary, Tenant, [Node]));
    private static readonly Metadata VerifierB = TestCredentials.Bearer("verifier-b", Tenant, Grant.For(Role.Verifier, Tenant, [Node]));
    private static readonly Metadata VerifierElsewhere = TestCredentials.Bearer("verifier-e", Tenant, Grant.For(Role.Verifier, Tenant, ["other-branch"]));

    private readonly LedgerService.LedgerServiceClient _ledger = fixture.Ledger;

    private static Google.Type.Date D(int y, int m, int d) => new() { Year = y, Month = m, Day = d };

    private static CloseFindingRequest Close(string requestId) => new()
    {
        NodeId = Node, RequestId = requestId, FindingClosure = new FindingClosure { Date = D(2026, 5, 20), FindingId = FindingId, Verifier = "纪检委员" },
    };

    [Fact]
    public async Task A_finding_is_closed_only_by_another_person_holding_the_verifier_right()
    {
        await fixture.EnsureAsync(Tenant, Node);
        await _ledger.RaiseFindingAsync(new()
        {
            NodeId = Node, RequestId = "raise",
            Finding = new Finding
            {
                Date = D(2026, 3, 1), FindingId = FindingId, Source = "2026年市委第二轮巡察", Finding_ = "谈心谈话覆盖不全",
                Measures = { "补谈" }, ResponsiblePerson = "支部书记", Type = RemediationType.ByDeadline, Deadline = D(2026, 6, 30),
            },
        }, AdminA);
        await _ledger.RecordFindingProgressAsync(new()
        {
            NodeId = Node, RequestId = "progress", FindingProgress = new FindingProgress { Date = D(2026, 4, 1), FindingId = FindingId, Progress = "已补谈5人" },
        }, AdminC);

        foreach (var (who, id) in new[] { (AdminA, "close-by-a"), (AdminC, "close-by-c") })
        {
            var same = await Assert.ThrowsAsync<RpcException>(() => _ledger.CloseFindingAsync(Close(id), who).ResponseAsync);
            Assert.Equal(StatusCode.FailedPrecondition, same.StatusCode);
            Assert.Contains("另一人核查", same.Status.Detail, StringComparison.Ordinal);
            Assert.Equal("FINDING_VERIFIER_NOT_INDEPENDENT", same.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
        }

        Assert.Equal(StatusCode.PermissionDenied,
            (await Assert.ThrowsAsync<RpcException>(() => _ledger.CloseFindingAsync(Close("close-by-s"), Secretary).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied,
            (await Assert.ThrowsAsync<RpcException>(() => _ledger.CloseFindingAsync(Close("close-by-e"), VerifierElsewhere).ResponseAsync)).StatusCode);

        // An import is no way around it: a closure row needs the right too.
        var import = new ImportRecordsRequest { NodeId = Node, Rows = { new ImportRow { RequestId = "import-close", Body = new RecordBody { FindingClosure = Close("x").FindingClosure } } } };
        Assert.Equal(StatusCode.PermissionDenied,
            (await Assert.ThrowsAsync<RpcException>(() => _ledger.ImportRecordsAsync(import, Secretary).ResponseAsync)).StatusCode);
        Assert.False(Assert.Single((await _ledger.ListFindingsAsync(new ListFindingsRequest { NodeId = Node }, AdminA)).Findings).Closed);

        var closed = await _ledger.CloseFindingAsync(Close("close-by-b"), VerifierB);
        Assert.Equal("verifier-b", closed.Record.RecordedBy);
        var finding = Assert.Single((await _ledger.ListFindingsAsync(new ListFindingsRequest { NodeId = Node }, VerifierB)).Findings);
        Assert.True(finding.Closed);
        Assert.Equal("纪检委员", finding.Verifier);
    }

    [Fact]
    public async Task A_duty_item_is_moved_by_the_branch_and_verified_only_with_the_verifier_right()
    {
        const string node = "verify-duties";
        await fixture.EnsureAsync(Tenant, node);
        var secretary = TestCredentials.Bearer("secretary-d", Tenant, Grant.For(Role.BranchSecretary, Tenant, [node]));
        var verifier = TestCredentials.Bearer("verifier-d", Tenant, Grant.For(Role.Verifier, Tenant));
        await _ledger.CreateDutyItemAsync(new()
        {
            NodeId = node, RequestId = "list",
            DutyItem = new DutyItem { Date = D(2026, 1, 5), DutyId = "plan", Duty = "制定年度党建工作计划", Actor = ActorClass.Body, Owner = "支部", Due = D(2026, 2, 28) },
        }, secretary);
        await _ledger.UpdateDutyItemStatusAsync(new() { NodeId = node, RequestId = "done", DutyProgress = new DutyProgress { Date = D(2026, 2, 20), DutyId = "plan", Status = DutyStatus.Done } }, secretary);

        var verify = new UpdateDutyItemStatusRequest
        {
            NodeId = node, RequestId = "verify", DutyProgress = new DutyProgress { Date = D(2026, 2, 21), DutyId = "plan", Status = DutyStatus.Verified, Verifier = "纪检委员" },
        };
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => _ledger.UpdateDutyItemStatusAsync(verify, secretary).ResponseAsync)).StatusCode);

        // A verifier writes no other records, but verifies.
        var moveByVerifier = new UpdateDutyItemStatusRequest
        {
            NodeId = node, RequestId = "move-by-verifier", DutyProgress = new DutyProgress { Date = D(2026, 2, 21), DutyId = "plan", Status = DutyStatus.InProgress },
        };
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => _ledger.UpdateDutyItemStatusAsync(moveByVerifier, verifier).ResponseAsync)).StatusCode);
        await _ledger.UpdateDutyItemStatusAsync(verify, verifier);
        Assert.Equal(DutyStatus.Verified, Assert.Single((await _ledger.ListDutyItemsAsync(new ListDutyItemsRequest { NodeId = node }, verifier)).Items).Status);
    }

    [Fact]
    public async Task A_tenant_admin_binds_verifiers_of_its_own_tenant_and_a_secretary_cannot()
    {
        await fixture.EnsureAsync(Tenant, Node);
        var access = new AccessService.AccessServiceClient(fixture.Host.Channel());
        await access.BindRoleAsync(new BindRoleRequest { Subject = "jiwei-zhou", Grant = $"verifier@{Tenant}#{Node}", RequestId = "bind-verifier" }, AdminA);
        await access.BindRoleAsync(new BindRoleRequest { Subject = "jiwei-wu", Grant = $"verifier@{Tenant}", RequestId = "bind-verifier-all" }, AdminA);
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            access.BindRoleAsync(new BindRoleRequest { Subject = "jiwei-zhou", Grant = $"verifier@{Tenant}", RequestId = "bind-by-secretary" }, Secretary).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
