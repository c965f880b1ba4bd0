using BranchLedger.Domain.Rankings;

namespace BranchLedger.Domain.Tests.Rankings;

public sealed class SnapshotPolicyTests
{
    [Theory]
    [InlineData(0, 5)]
    [InlineData(200, 5)] // a tenant's shard: as before
    [InlineData(250, 5)]
    [InlineData(1_250, 25)] // a city shard of a 10,000-branch city
    [InlineData(6_000, 120)]
    [InlineData(12_500, 120)] // … of a 100,000-branch city
    [InlineData(1_000_000, 120)]
    public void The_interval_grows_with_the_shard_between_5_seconds_and_2_minutes(int scores, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SnapshotPolicy.IntervalFor(scores));

    [Fact]
    public void A_large_shard_is_not_due_again_until_its_interval_has_passed()
    {
        var written = new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);

        Assert.False(SnapshotPolicy.IsDue(12_500, written, written.AddSeconds(119)));
        Assert.True(SnapshotPolicy.IsDue(12_500, written, written.AddSeconds(120)));
        Assert.True(SnapshotPolicy.IsDue(100, written, written.AddSeconds(5)));
    }

    [Fact]
    public void Snapshot_work_per_second_is_bounded_until_the_two_minute_cap()
    {
        // Scores rewritten per second by one shard that never stops changing.
        static double Rate(int scores) => scores / SnapshotPolicy.IntervalFor(scores).TotalSeconds;

        Assert.Equal(50, Rate(1_000));
        Assert.Equal(50, Rate(6_000));
        Assert.Equal(12_500 / 120.0, Rate(12_500), 6); // past the cap, once every 2 minutes
        Assert.True(Rate(100) < Rate(1_000));
    }
}
