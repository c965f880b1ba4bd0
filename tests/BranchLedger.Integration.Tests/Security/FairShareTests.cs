using BranchLedger.Api.V1;
using BranchLedger.Domain.Access;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Xunit.Abstractions;

namespace BranchLedger.Integration.Tests.Security;

/// <summary>A gateway with a small import-row budget and one call in flight per tenant.</summary>
public sealed class FairShareGatewayFixture : GatewayFixture
{
    protected override IReadOnlyDictionary<string, string> GatewaySettings { get; } = new Dictionary<string, string>
    {
        ["Limits:TenantImportRowsPerSecond"] = "100",
        ["Limits:TenantConcurrency"] = "1",
    };
}

/// <summary>The import-row budget and the cap on a tenant's calls in flight refuse whole calls, which write nothing.</summary>
public sealed class FairShareTests(FairShareGatewayFixture fixture, ITestOutputHelper output) : IClassFixture<FairShareGatewayFixture>
{
    [Fact]
    public async Task Imports_past_a_tenants_row_budget_are_refused_whole_while_another_tenant_imports()
    {
        await fixture.EnsureAsync("rows-a", "office-branch");
        await fixture.EnsureAsync("rows-b", "office-branch");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var a = Admin("rows-a");
        var b = Admin("rows-b");

        // The budget holds 1,000 rows: the first batch of 600 fits, the second finds at most ~400 left.
        var outcomes = await Task.WhenAll(
            RpcOutcome.Of(() => fixture.Ledger.ImportRecordsAsync(Import("first", 600), a).ResponseAsync),
            RpcOutcome.Of(() => fixture.Ledger.ImportRecordsAsync(Import("second", 600), a).ResponseAsync));
        var other = await fixture.Ledger.ImportRecordsAsync(Import("other", 50), b);

        output.WriteLine($"rows-a: {string.Join(", ", outcomes.Select(o => o.Code))}; rows-b: {other.Accepted} accepted");
        Assert.Equal(1, outcomes.Count(o => o.Code == StatusCode.OK));
        var refused = Assert.Single(outcomes, o => o.Code == StatusCode.ResourceExhausted).Error!;
        Assert.Contains("import rate", refused.Status.Detail);
        Assert.NotNull(refused.GetRpcStatus()!.GetDetail<RetryInfo>());
        Assert.Equal(50, other.Accepted);
        Assert.Equal(600, await CountAsync(a));
    }

    [Fact]
    public async Task Calls_beyond_a_tenants_in_flight_cap_are_refused_and_write_nothing()
    {
        await fixture.EnsureAsync("inflight-c", "office-branch");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var c = Admin("inflight-c");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            RpcOutcome.Of(() => fixture.Ledger.ImportRecordsAsync(Import($"batch{i}", 5), c).ResponseAsync)));

        var served = outcomes.Count(o => o.Code == StatusCode.OK);
        output.WriteLine($"8 concurrent imports with one call in flight allowed: {served} served");
        Assert.InRange(served, 1, 7);
        Assert.All(outcomes.Where(o => o.Code != StatusCode.OK), o =>
        {
            Assert.Equal(StatusCode.ResourceExhausted, o.Code);
            Assert.Contains("calls in flight", o.Error!.Status.Detail);
        });
        Assert.Equal(5 * served, await CountAsync(c));
    }

    private static Metadata Admin(string tenant) => TestCredentials.Bearer($"{tenant}-admin", null, Grant.For(Role.TenantAdmin, tenant));

    private static ImportRecordsRequest Import(string prefix, int rows)
    {
        var request = new ImportRecordsRequest { NodeId = "office-branch" };
        request.Rows.AddRange(Enumerable.Range(1, rows).Select(i => new ImportRow
        {
            RequestId = $"{prefix}-{i}",
            Body = new RecordBody { Meeting = Meetings.Request(requestId: $"{prefix}-{i}", day: 1 + (i % 28)).Meeting },
        }));
        return request;
    }

    private async Task<int> CountAsync(Metadata caller)
    {
        var count = 0;
        var request = new ListRecordsRequest { NodeId = "office-branch", PageSize = 500 };
        do
        {
            var page = await fixture.Ledger.ListRecordsAsync(request, caller);
            count += page.Records.Count;
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return count;
    }
}
