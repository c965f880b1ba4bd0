using System.Runtime.CompilerServices;
using System.Threading.Channels;
using BranchLedger.Api.V1;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// Live top-N views for <c>WatchRanking</c>, one feed per distinct view per gateway however many
/// clients watch it. A feed polls its shards' change counters every <see cref="PollInterval"/> and
/// reads the top N only when a counter moved; a client gets the view when it differs from the last.
/// </summary>
/// <remarks>
/// Polling rather than grain observers: a counter poll is one small call per shard, its cost is
/// bounded by the number of watched views (not watchers), nothing has to be re-subscribed when a
/// silo restarts or a shard moves, and a missed notification cannot leave a view stale — the next
/// poll sees the counter. Observers would save the idle polls but need expiry, re-subscription and
/// their own debouncing on the shard side.
/// </remarks>
internal sealed class RankingWatchHub(RankingReader reader, TimeProvider clock, ILogger logger)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

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
        IReadOnlyList<long>? seen = null;
        string? seenVersion = null;
        var view = new RankingView(key.Period, key.Tenant, key.IndicatorId);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var layout = await reader.ServingLayoutAsync();
                if (layout is null)
                {
                    Publish(feed, new WatchRankingResponse());
                }
                else if (seen is null || seenVersion != layout.RubricVersion
                    || !seen.SequenceEqual(await reader.VersionsAsync(layout, key.Period, key.Tenant)))
                {
                    var top = await reader.TopAsync(layout, view, null, key.TopN);
                    (seen, seenVersion) = (top.Versions, layout.RubricVersion);
                    Publish(feed, RankingMapping.ToWatchResponse(top, layout.RubricVersion));
                }
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                // A silo restarting or a shard moving: keep polling, read the whole view again next time.
                logger.LogWarning(ex, "Ranking watch of {Period} could not poll its shards", key.Period);
                seen = null;
            }

            try
            {
                await Task.Delay(PollInterval, clock, stop);
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
