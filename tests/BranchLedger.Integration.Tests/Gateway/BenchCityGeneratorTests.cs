using BranchLedger.Api.V1;
using BranchLedger.CityData;

namespace BranchLedger.Integration.Tests.Gateway;

/// <summary>The benchmark city generator (the demo generator at scale), without a platform.</summary>
public sealed class BenchCityGeneratorTests
{
    [Fact]
    public void A_benchmark_city_has_the_asked_size_one_year_and_the_same_rows_every_time()
    {
        var shape = new CityShape(Tenants: 7, BranchesPerTenant: 30, Year: 2025);

        var city = DemoCity.Generate(shape).ToList();

        Assert.Equal(Enumerable.Range(0, 7).Select(CityShape.TenantId), city.Select(t => t.TenantId));
        Assert.All(city, t => Assert.Equal(Enumerable.Range(0, 30).Select(j => $"b{j:D5}"), t.Nodes.Where(n => n.IsBranch).Select(n => n.NodeId)));
        var rows = city.SelectMany(t => t.Nodes).SelectMany(n => n.Rows).ToList();
        Assert.All(rows, r => Assert.Equal(2025, DemoCity.DateOf(r.Body).Year));
        Assert.InRange(rows.Count / (7.0 * 31), 60, 160); // a realistic year per node, as the issue's ≈ 100
        Assert.True(rows.Select(r => r.Body.BodyCase).Distinct().Count() >= 8, "a realistic mix of record kinds");
        Assert.Equal(Flat(city), Flat(DemoCity.Generate(shape)));
    }

    [Fact]
    public void A_larger_city_extends_a_smaller_one_and_a_late_start_keeps_no_orphan_workflow_steps()
    {
        var small = DemoCity.Generate(new CityShape(2, 10, 2025)).ToList();
        var extended = DemoCity.Generate(new CityShape(4, 10, 2025)).ToList();
        var sparse = DemoCity.Generate(new CityShape(2, 10, 2025, FirstTenant: 4, From: new DateOnly(2025, 12, 1))).ToList();

        Assert.Equal(Flat(small), Flat(extended.Take(2)));
        Assert.Equal(["city-t004", "city-t005"], sparse.Select(t => t.TenantId));
        var rows = sparse.SelectMany(t => t.Nodes).SelectMany(n => n.Rows).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(12, DemoCity.DateOf(r.Body).Month));
        Assert.DoesNotContain(rows, r => r.Body.BodyCase is RecordBody.BodyOneofCase.DutyProgress or RecordBody.BodyOneofCase.FindingClosure
            or RecordBody.BodyOneofCase.FindingProgress or RecordBody.BodyOneofCase.FindingReopening);
    }

    private static IEnumerable<string> Flat(IEnumerable<DemoTenant> city) => DemoCityGeneratorTests.Flat(city);
}
