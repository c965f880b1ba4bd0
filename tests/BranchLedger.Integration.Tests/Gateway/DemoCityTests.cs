using BranchLedger.Api.V1;
using BranchLedger.CityData;
using BranchLedger.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace BranchLedger.Integration.Tests.Gateway;

/// <summary>The CLI's demo city loaded twice through the real gateway, then scored.</summary>
public sealed class DemoCityTests(GatewayFixture fixture, ITestOutputHelper output) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Loading_twice_records_nothing_new_and_the_branches_score_apart()
    {
        var today = DemoCity.Today();
        var city = DemoCity.Generate(today);
        var rows = city.Sum(t => t.Nodes.Sum(n => n.Rows.Count));
        var loader = new DemoCityLoader(
            fixture.Directory, fixture.Ledger, tenant => GatewayHost.As(tenant, DemoCityLoader.User),
            tenant => GatewayHost.As(tenant, DemoCityLoader.VerifierUser));

        var first = await loader.LoadAsync(city);
        var second = await loader.LoadAsync(city);
        output.WriteLine($"first:  {first}");
        output.WriteLine($"second: {second}");

        Assert.Empty(first.Problems);
        Assert.Equal((5, 60, rows, 0, 0), (first.Tenants, first.Branches, first.Created, first.AlreadyPresent, first.Rejected));
        Assert.Equal((0, rows, 0), (second.Created, second.AlreadyPresent, second.Rejected));

        var totals = new List<double>();
        foreach (var tenant in city)
        {
            var caller = GatewayHost.As(tenant.TenantId, "supervisor");
            foreach (var node in tenant.Nodes)
            {
                var listed = await fixture.Ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = node.NodeId, PageSize = 500 }, caller);
                Assert.NotEmpty(listed.Records);
                // Closures are another person's sign-off (four-eyes); everything else is the recorder's.
                Assert.All(listed.Records, r => Assert.Equal(
                    r.BodyCase == Api.V1.LedgerRecord.BodyOneofCase.FindingClosure ? DemoCityLoader.VerifierUser : DemoCityLoader.User, r.RecordedBy));
                if (node.IsBranch)
                {
                    var score = await fixture.Ledger.GetScoreAsync(new GetScoreRequest { NodeId = node.NodeId, Period = (today.Year - 1).ToString() }, caller);
                    Assert.True(score.HasTotal, $"{tenant.TenantId}/{node.NodeId} has no total");
                    totals.Add(score.Total);
                }
            }
        }

        output.WriteLine($"last year's totals: min {totals.Min():0.00}, median {totals.Order().ElementAt(totals.Count / 2):0.00}, max {totals.Max():0.00}");
        output.WriteLine(string.Join(" ", totals.Order().Select(t => t.ToString("0.0"))));
        Assert.Equal(60, totals.Count);
        Assert.True(totals.Distinct().Count() >= 30, "the branches should score apart");
        Assert.True(totals.Max() - totals.Min() >= 30, $"scores should spread: {totals.Min()}–{totals.Max()}");
    }
}
