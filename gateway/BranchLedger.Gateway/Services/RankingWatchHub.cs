using System.Runtime.CompilerServices;
using System.Threading.Channels;
using BranchLedger.Api.V1;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// Live top-N views for <c>WatchRanking</c>, one feed per distinct view per gateway however many
/// clients watch it. A feed waits for a change of its shards' replicas (pushed by the shards, see
/// <see cref="RankingReplica"/>), reads the top N from them (no silo call) and sends it when it
/// differs from the last; nothing polls the shards.
/// </summary>
/// <remarks>
/// A feed sends at most one view per <see cref="MinInterval"/> (changes in between are merged into
/// the next view) and looks at the serving layout every <see cref="LayoutCheck"/> for a rubric flip
/// (the layout is cached per gateway, so that is no silo call either).
/// </remarks>
internal sealed class RankingWatchHub(RankingReader reader, TimeProvider clock, ILogger logger)
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan LayoutCheck = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<WatchKey, Feed> _feeds = [];

    /// <summary>The view now, then every change, until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<WatchRankingResponse> Watch(WatchKey key, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One slot, newest wins: a slow client skips views rather than falling behind.
        var inbox = Channel.CreateBounded<WatchRankingResponse>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
        });
        var feed = Join(key, inbox);
        try
        {
            await foreach (var view in inbox.Reader.ReadAllAsync(cancellationToken))
            {
                yield return view;
            }
        }
        finally
        {
            Leave(key, feed, inbox);
        }
    }

    private Feed Join(WatchKey key, Channel<WatchRankingResponse> inbox)
    {
        lock (_lock)
        {
            if (!_feeds.TryGetValue(key, out var feed))
            {
                feed = new Feed();
                _feeds[key] = feed;
                _ = Task.Run(() => RunAsync(key, feed));
            }

            feed.Subscribers.Add(inbox);
            if (feed.Last is { } last)
            {
                inbox.Writer.TryWrite(last);
            }

            return feed;
        }
    }

    private void Leave(WatchKey key, Feed feed, Channel<WatchRankingResponse> inbox)
    {
        lock (_lock)
        {
            feed.Subscribers.Remove(inbox);
            if (feed.Subscribers.Count == 0)
            {
                _feeds.Remove(key);
                feed.Stop.Cancel();
            }
        }
    }

    private async Task RunAsync(WatchKey key, Feed feed)
    {
        var stop = feed.Stop.Token;
        var view = new RankingView(key.Period, key.Tenant, key.IndicatorId);
        IReadOnlyList<long>? seen = null;
        string? seenVersion = null;
        while (!stop.IsCancellationRequested)
        {
            var wake = new List<Task> { Task.Delay(LayoutCheck, clock, stop) };
            try
            {
                var layout = await reader.ServingLayoutAsync();
                if (layout is null)
                {
                    Publish(feed, new WatchRankingResponse());
                }
                else
                {
                    var replicas = reader.Replicas(layout, key.Period, key.Tenant);
                    // Taken before the read: a change while reading wakes the next round.
                    wake.AddRange(replicas.Select(r => r.Changed));
                    if (seen is null || seenVersion != layout.RubricVersion || !seen.SequenceEqual(replicas.Select(r => r.Version)))
                    {
                        var top = await reader.TopAsync(layout, view, null, key.TopN);
                        (seen, seenVersion) = (top.Versions, layout.RubricVersion);
                        Publish(feed, RankingMapping.ToWatchResponse(top, layout.RubricVersion));
                    }
                    else
                    {
                        foreach (var shard in replicas)
                        {
                            shard.Touch(); // watched but unchanged: not idle
                        }
                    }
                }
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                // A silo restarting or a shard moving: read the whole view again next round.
                logger.LogWarning(ex, "Ranking watch of {Period} could not read its view", key.Period);
                seen = null;
            }

            await Task.WhenAny(wake);
            try
            {
                await Task.Delay(MinInterval, clock, stop); // changes meanwhile go into one view
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        feed.Stop.Dispose();
    }

    private void Publish(Feed feed, WatchRankingResponse view)
    {
        lock (_lock)
        {
            if (view.Equals(feed.Last))
            {
                return;
            }

            feed.Last = view;
            foreach (var subscriber in feed.Subscribers)
            {
                subscriber.Writer.TryWrite(view);
            }
        }
    }

    private sealed class Feed
    {
        public List<Channel<WatchRankingResponse>> Subscribers { get; } = [];

        public WatchRankingResponse? Last { get; set; }

        public CancellationTokenSource Stop { get; } = new();
    }
}
