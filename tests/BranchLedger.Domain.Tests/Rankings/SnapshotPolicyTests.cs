using BranchLedger.Domain.Rankings;

namespace BranchLedger.Domain.Tests.Rankings;

public sealed class SnapshotPolicyTests
{
    [Theory]
    [InlineData(0, 5)]
    [InlineData(200, 5)] // a tenant's shard: as before
    [InlineData(1_000, 5)]
    [InlineData(1_250, 6.25)] // a city shard of a 10,000-branch city
    [InlineData(12_500, 62.5)] // … of a 100,000-branch city
    [InlineData(1_000_000, 120)]
    public void The_interval_grows_with_the_shard_between_5_seconds_and_2_minutes(int scores, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SnapshotPolicy.IntervalFor(scores));

    [Fact]
    public void A_large_shard_is_not_due_again_until_its_interval_has_passed()
    {
        var written = new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);

        Assert.False(SnapshotPolicy.IsDue(12_500, written, written.AddSeconds(30)));
        Assert.True(SnapshotPolicy.IsDue(12_500, written, written.AddSeconds(62.5)));
        Assert.True(SnapshotPolicy.IsDue(100, written, written.AddSeconds(5)));
    }

    [Fact]
    public void Snapshot_work_per_second_stays_bounded_however_large_the_shard()
    {
        // Scores rewritten per second by one shard that never stops changing.
        static double Rate(int scores) => scores / SnapshotPolicy.IntervalFor(scores).TotalSeconds;

        Assert.Equal(200, Rate(1_000));
        Assert.Equal(200, Rate(12_500));
        Assert.True(Rate(100) < Rate(1_000));
    }
}
