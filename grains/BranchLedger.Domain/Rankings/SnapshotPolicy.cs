namespace BranchLedger.Domain.Rankings;

/// <summary>
/// How often a changing ranking shard rewrites its snapshot. A snapshot is the whole shard, so writing
/// every few seconds is cheap for a tenant's shard and ruinous for the city shards of a large city:
/// loading a city past 10,000 branches, rewriting them every 5 s (33 periods) allocated about 240 MB/s
/// and a third of the silo's time went to GC pauses; at 100,000 branches they hold 3.3 million scores.
/// The interval grows with the shard, so the snapshot work per second stays bounded (up to a 2-minute cap).
/// The snapshot only speeds up reactivation (scores are derived, and a push or a rebuild restores them).
/// </summary>
public static class SnapshotPolicy
{
    /// <summary>The shortest interval: small shards snapshot this often while they change.</summary>
    public static readonly TimeSpan Shortest = TimeSpan.FromSeconds(5);

    /// <summary>The longest interval, for the largest shards.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Time allowed per held score: a changing shard rewrites at most 50 scores a second until the cap
    /// (6,000 scores); a 12,500-score city shard of a 100,000-branch city rewrites ~100 a second.
    /// </summary>
    public static readonly TimeSpan PerScore = TimeSpan.FromMilliseconds(20);

    /// <summary>The least time between two snapshots of a shard holding <paramref name="scores"/> scores.</summary>
    public static TimeSpan IntervalFor(int scores)
    {
        var scaled = PerScore * Math.Max(0, scores);
        return scaled < Shortest ? Shortest : scaled > Longest ? Longest : scaled;
    }

    /// <summary>True when a changed shard is due for a snapshot.</summary>
    public static bool IsDue(int scores, DateTimeOffset lastWritten, DateTimeOffset now) => now - lastWritten >= IntervalFor(scores);
}
