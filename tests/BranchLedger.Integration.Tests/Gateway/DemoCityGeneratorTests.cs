using System.Text.RegularExpressions;
using BranchLedger.Api.V1;
using BranchLedger.CityData;

namespace BranchLedger.Integration.Tests.Gateway;

/// <summary>The CLI's demo city generator, without a platform: shape, dates, determinism, growth.</summary>
public sealed partial class DemoCityGeneratorTests
{
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex RequestId();

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-03-31")]
    [InlineData("2028-02-29")]
    [InlineData("2026-12-31")]
    public void The_city_has_five_bodies_sixty_branches_and_nothing_dated_after_today(string day)
    {
        var today = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var city = DemoCity.Generate(today);

        Assert.Equal(5, city.Count);
        Assert.Equal(60, city.Sum(t => t.Nodes.Count(n => n.IsBranch)));
        Assert.All(city, t => Assert.InRange(t.Nodes.Count(n => n.IsBranch), 10, 14));
        Assert.All(city, t => Assert.Equal(NodeKind.Organisation, t.Nodes[0].Node.Kind));
        Assert.Contains(city.SelectMany(t => t.Nodes), n => n.Roster?.MemberNames.Count > 0);
        Assert.Contains(city.SelectMany(t => t.Nodes), n => n.Roster is { MemberNames.Count: 0 });
        foreach (var node in city.SelectMany(t => t.Nodes))
        {
            Assert.NotEmpty(node.Rows);
            var dates = node.Rows.Select(r => DemoCity.DateOf(r.Body)).ToList();
            Assert.All(dates, d => Assert.InRange(d, new DateOnly(today.Year - 1, 1, 1), today));
            Assert.Equal(dates.Order(), dates);
            Assert.All(node.Rows, r => Assert.Matches(RequestId(), r.RequestId));
            Assert.Equal(node.Rows.Count, node.Rows.Select(r => r.RequestId).Distinct().Count());
        }

        Assert.Equal(Flat(city), Flat(DemoCity.Generate(today)));
    }

    /// <summary>Everything a city holds, in order, as text (also used by the benchmark city's tests).</summary>
    internal static IEnumerable<string> Flat(IEnumerable<DemoTenant> city) =>
        city.SelectMany(t => t.Nodes.SelectMany(n => new[] { t.TenantId, t.Profile.ToString(), n.Node.ToString(), n.Roster?.ToString() ?? "" }
            .Concat(n.Rows.Select(r => r.ToString()))));

    [Fact]
    public void A_later_day_only_adds_rows_and_keeps_every_earlier_row_as_it_was()
    {
        var earlier = DemoCity.Generate(new DateOnly(2026, 3, 10)).SelectMany(t => t.Nodes.Select(n => (t.TenantId, Node: n))).ToList();
        var later = DemoCity.Generate(new DateOnly(2026, 9, 20)).SelectMany(t => t.Nodes.Select(n => (t.TenantId, Node: n))).ToList();

        Assert.Equal(earlier.Select(x => (x.TenantId, x.Node.Node, x.Node.Roster)), later.Select(x => (x.TenantId, x.Node.Node, x.Node.Roster)));
        for (var i = 0; i < earlier.Count; i++)
        {
            var before = earlier[i].Node.Rows;
            var after = later[i].Node.Rows;
            Assert.True(after.Count > before.Count);
            // The earlier rows, in their order, are the later rows dated up to the earlier day.
            Assert.Equal(before, after.Where(r => DemoCity.DateOf(r.Body) <= new DateOnly(2026, 3, 10)));
        }
    }
}
