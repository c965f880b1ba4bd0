using BranchLedger.Domain.Rankings;

namespace BranchLedger.Domain.Tests.Rankings;

public sealed class PackedIndicatorsTests
{
    // The values a score can carry: counts, points with two decimals, rates with many, and the odd ones.
    private static readonly double[] Awkward =
        [0, -0.0, 1, 4.67, 0.1, 0.857142857142857, 1.0 / 3, -2.5, 99.99, 100, 1e13, 1e15, 123456.78, double.NaN, double.PositiveInfinity, double.Epsilon, 12.345];

    [Fact]
    public void Unpacking_gives_back_exactly_what_was_packed()
    {
        var random = new Random(7);
        for (var round = 0; round < 500; round++)
        {
            var values = Enumerable.Range(0, random.Next(0, 30)).Select(i => new IndicatorValue(
                $"indicator-{i}",
                Pick(random),
                Pick(random),
                random.Next(0, 3) == 0 ? Pick(random) : 10,
                random.Next(0, 4) != 0)).ToArray();
            var layout = IndicatorLayout.Of(values);
            var packed = PackedIndicators.Pack(values);

            var unpacked = PackedIndicators.Unpack(layout, packed);
            Assert.Equal(values.Length, unpacked.Length);
            for (var i = 0; i < values.Length; i++)
            {
                // Bit for bit: -0.0 stays negative and NaN stays NaN.
                Assert.Equal(BitConverter.DoubleToInt64Bits(values[i].Raw), BitConverter.DoubleToInt64Bits(unpacked[i].Raw));
                Assert.Equal(BitConverter.DoubleToInt64Bits(values[i].Points), BitConverter.DoubleToInt64Bits(unpacked[i].Points));
                Assert.Equal(values[i].IndicatorId, unpacked[i].IndicatorId);
                Assert.Equal(values[i].MaxPoints, unpacked[i].MaxPoints);
                Assert.Equal(values[i].Assessable, unpacked[i].Assessable);
                Assert.Equal(unpacked[i], PackedIndicators.At(layout, packed, i));
            }
        }
    }

    [Fact]
    public void A_typical_vector_takes_a_few_bytes_per_indicator()
    {
        // 23 indicators like the default rubric's: points with two decimals, counts and a few rates.
        var values = Enumerable.Range(0, 23).Select(i => new IndicatorValue(
            $"indicator-{i}", i % 5 == 0 ? 0.75 : i, Math.Round(i * 0.37, 2), 5, i % 4 != 0)).ToArray();

        var packed = PackedIndicators.Pack(values);

        Assert.InRange(packed.Length, 23, 23 * 5); // a tag each and one to three bytes per number, against 40 bytes unpacked
    }

    [Fact]
    public void Entries_of_one_shape_share_one_layout_and_read_their_own_values()
    {
        var layouts = new IndicatorLayouts();
        var a = RankingTestData.Entry("t", "a", 80, 1, RankingTestData.Indicator("meetings", 7), RankingTestData.Indicator("findings", 3.25, 20));
        var b = RankingTestData.Entry("t", "b", 70, 1, RankingTestData.Indicator("meetings", 2), RankingTestData.Indicator("findings", 9, 20, assessable: false));
        var shared = new[] { a, b }.Select(e => new RankingEntry(e.Tenant, e.NodeId, e.DisplayName, e.ParentId, e.Total, e.Grade, e.Indicators, e.Version, e.ComputedAt, layouts)).ToList();

        Assert.Same(shared[0].Layout, shared[1].Layout);
        Assert.Equal(1, layouts.Count);
        Assert.Equal(3.25, shared[0].Indicator("findings")!.Value.Points);
        Assert.Null(shared[1].IndicatorPosition("findings"));
        Assert.Equal(new RankPosition(200, "t", "b"), shared[1].IndicatorPosition("meetings"));
        Assert.Null(shared[0].Indicator("missing"));
        Assert.Equal(a, shared[0]);
        Assert.NotEqual(a, shared[1]);
    }

    private static double Pick(Random random) => random.Next(0, 3) switch
    {
        0 => Awkward[random.Next(Awkward.Length)],
        1 => Math.Round((random.NextDouble() * 200) - 50, 2),
        _ => random.Next(0, 1000),
    };
}
