using BranchLedger.Api.V1;
using BranchLedger.Domain.Access;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Xunit.Abstractions;

namespace BranchLedger.Integration.Tests.Security;

/// <summary>A gateway with deliberately small budgets, so a flood is cheap to make.</summary>
public sealed class LimitedGatewayFixture : GatewayFixture
{
    protected override IReadOnlyDictionary<string, string> GatewaySettings { get; } = new Dictionary<string, string>
    {
        ["Limits:TenantRequestsPerSecond"] = "10",
        ["Limits:TenantBurst"] = "10",
        ["Limits:ClientRequestsPerSecond"] = "1000",
        ["Limits:ClientBurst"] = "1000",
        ["Limits:MaxMessageBytes"] = "65536",
    };
}

/// <summary>Per-tenant budgets: a flooding tenant is told when to retry, the others are not affected.</summary>
public sealed class LimitsTests(LimitedGatewayFixture fixture, ITestOutputHelper output) : IClassFixture<LimitedGatewayFixture>
{
    [Fact]
    public async Task A_tenant_over_its_budget_gets_resource_exhausted_with_retry_info_and_other_tenants_still_get_through()
    {
        await fixture.EnsureAsync("flood-a", "office-branch");
        await fixture.EnsureAsync("calm-b", "office-branch");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // let the setup's spending refill

        var flooder = TestCredentials.Bearer("bulk", null, Grant.For(Role.TenantAdmin, "flood-a"));
        var calm = TestCredentials.Bearer("calm", null, Grant.For(Role.TenantAdmin, "calm-b"));
        var flood = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => RpcOutcome.Of(() => fixture.Directory.GetTenantAsync(new GetTenantRequest(), flooder).ResponseAsync)));
        var other = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => RpcOutcome.Of(() => fixture.Directory.GetTenantAsync(new GetTenantRequest(), calm).ResponseAsync)));

        var exhausted = flood.Where(s => s.Code == StatusCode.ResourceExhausted).ToList();
        output.WriteLine($"flood: {flood.Count(s => s.Code == StatusCode.OK)} served, {exhausted.Count} refused; other tenant: {other.Count(s => s.Code == StatusCode.OK)}/5 served");
        Assert.InRange(exhausted.Count, 1, 59);
        Assert.All(flood, s => Assert.Contains(s.Code, new[] { StatusCode.OK, StatusCode.ResourceExhausted }));
        Assert.All(other, s => Assert.Equal(StatusCode.OK, s.Code));
        var retry = exhausted[0].Error!.GetRpcStatus()!.GetDetail<RetryInfo>();
        Assert.NotNull(retry);
        Assert.True(retry.RetryDelay.ToTimeSpan() > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_message_over_the_maximum_size_is_refused_and_writes_nothing()
    {
        await fixture.EnsureAsync("big-a", "office-branch");
        var admin = TestCredentials.Bearer("big", null, Grant.For(Role.TenantAdmin, "big-a"));
        var request = Meetings.Request("office-branch", "too-big");
        request.Evidence.Add(new Evidence { Uri = "https://files.example/" + new string('a', 100_000) });

        var refused = await Assert.ThrowsAsync<RpcException>(() => fixture.Ledger.RecordMeetingAsync(request, admin).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Empty((await fixture.Ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "office-branch" }, admin)).Records);
    }
}
