using BranchLedger.Contracts.Rankings;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// A gateway's copy of one ranking shard (<see cref="ShardView"/>, the shard grain's own class), kept
/// current by the shard's deltas. Each delta names the version it starts from: a replica applies it
/// only on top of exactly that version, so a lost, late or reordered delta — or a shard that
/// reactivated — is a gap, and a replica with a gap is not served until it has fetched the shard again
/// (<see cref="IRankingShardGrain.Subscribe"/>) and applied the deltas that followed.
/// </summary>
internal sealed class ShardReplica(string key, IRankingShardGrain shard, IRankingReplicaObserver feed, TimeProvider clock, ILogger logger)
{
    private const int MaxSyncRounds = 5;

    private readonly Lock _lock = new();
    private readonly (string RubricVersion, string Period) _ranking = RankingKeys.Parse(key);
    private readonly SortedDictionary<long, ShardDelta> _pending = [];
    private ShardView? _view; // null until the first fetch
    private bool _synced;
    private Task? _syncing;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The pages answered since the last change: every screen asks for the same few pages (the city's
    // top 50), so each is built once per change and a repeat is answered without taking the lock —
    // 64 readers queueing on a shard's lock were the gateway's top cost (issue 20's read bench).
    // Emptied under the lock by every change and every gap, before the shard's push is acknowledged,
    // so a read that starts after an acknowledged write never gets a page from before it.
    private volatile PageCache _pages = PageCache.Empty;

    public string Key { get; } = key;

    /// <summary>Full fetches after the first (a gap, a reactivated shard, a lost feed).</summary>
    public int Resyncs { get; private set; }

    /// <summary>Times the shard announced it activated anew (and so had forgotten this gateway).</summary>
    public int ShardActivations { get; private set; }

    /// <summary>True while a fetch is due or under way; reads wait for it.</summary>
    public bool Resynchronising
    {
        get
        {
            lock (_lock)
            {
                return !_synced;
            }
        }
    }

    /// <summary>True when the last attempt to fetch or renew failed (cleared by the next success).</summary>
    public bool Failing { get; private set; }

    /// <summary>When a read last asked for the shard.</summary>
    public DateTimeOffset LastRead { get; private set; } = clock.GetUtcNow();

    /// <summary>The replica's version (the shard's when in sync).</summary>
    public long Version
    {
        get
        {
            lock (_lock)
            {
                return _view?.Version ?? 0;
            }
        }
    }

    /// <summary>Completes at the next change of the replica (a delta applied, a fetch loaded).</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Keeps an unread replica from being dropped as idle (a watched view that does not change).</summary>
    public void Touch() => LastRead = clock.GetUtcNow();

    /// <summary>Reads the replica, fetching it first when it has never been fetched or has a gap.</summary>
    public async Task<T> ReadAsync<T>(Func<ShardView, T> read)
    {
        LastRead = clock.GetUtcNow();
        for (var round = 0; ; round++)
        {
            lock (_lock)
            {
                if (_synced && _view is not null)
                {
                    return read(_view);
                }
            }

            if (round == MaxSyncRounds)
            {
                throw new TimeoutException($"The replica of ranking shard {Key} could not catch up with the shard.");
            }

            await SyncAsync();
        }
    }

    /// <summary>A page of the replica (see <see cref="ShardView.Page"/>), from the pages answered since the last change when it is one of them.</summary>
    public Task<ShardPage> PageAsync(ShardPageQuery query)
    {
        if (_pages.Find(query) is { } cached)
        {
            LastRead = clock.GetUtcNow();
            return Task.FromResult(cached);
        }

        return ReadAsync(view =>
        {
            var page = view.Page(query);
            _pages = _pages.With(query, page); // under the lock: no change can come between
            return page;
        });
    }

    /// <summary>A delta pushed by the shard.</summary>
    public void OnDelta(ShardDelta delta)
    {
        lock (_lock)
        {
            if (_view is null || delta.To <= _view.Version)
            {
                if (_view is null)
                {
                    _pending[delta.From] = delta; // a fetch is under way; it may start before this delta
                }

                return;
            }

            if (_synced && delta.From == _view.Version)
            {
                Apply(delta);
                return;
            }

            _pending[delta.From] = delta;
            if (_synced)
            {
                logger.LogWarning("Ranking replica {Shard} missed versions {From}..{To}: fetching it again", Key, _view.Version, delta.From);
                _synced = false;
                _pages = PageCache.Empty;
            }
        }

        SyncInBackground();
    }

    /// <summary>The shard activated anew and forgot this gateway: fetch it again before serving it.</summary>
    public void OnActivated()
    {
        lock (_lock)
        {
            _synced = false;
            _pages = PageCache.Empty;
            ShardActivations++;
        }

        SyncInBackground();
    }

    /// <summary>Renews the subscription; a shard whose version moved past the replica's sends itself again (a lost feed).</summary>
    public Task RenewAsync() => SyncAsync();

    /// <summary>Ends the subscription (an idle replica dropped).</summary>
    public Task UnsubscribeAsync() => shard.Unsubscribe(feed);

    // Failures are logged and flagged (Failing); the next read or renewal tries again.
    private void SyncInBackground() => _ = SyncAsync().ContinueWith(t => t.Exception, TaskScheduler.Default);

    // One fetch at a time; callers share it.
    private Task SyncAsync()
    {
        lock (_lock)
        {
            if (_syncing is null || _syncing.IsCompleted)
            {
                _syncing = Task.Run(SyncOnceAsync);
            }

            return _syncing;
        }
    }

    private async Task SyncOnceAsync()
    {
        long known;
        lock (_lock)
        {
            known = _view?.Version ?? long.MinValue;
        }

        ShardReplicaState? state;
        try
        {
            state = await shard.Subscribe(feed, known);
            Failing = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failing = true;
            logger.LogWarning(ex, "Ranking replica {Shard} could not reach its shard", Key);
            throw;
        }

        lock (_lock)
        {
            // A state no newer than the replica: deltas that came meanwhile already brought it there.
            if (state is not null && (_view is null || state.Version > _view.Version))
            {
                if (_view is not null)
                {
                    Resyncs++;
                    logger.LogInformation("Ranking replica {Shard} resynchronised from version {Old} to {New}", Key, _view.Version, state.Version);
                }

                var view = new ShardView(_ranking.Period, _ranking.RubricVersion);
                view.Load(state.Scores, state.Withdrawn);
                view.Version = state.Version;
                _view = view;
                Signal();
            }

            if (_view is null)
            {
                return; // cannot happen: the shard sends its state to an unknown version
            }

            foreach (var stale in _pending.Where(p => p.Value.To <= _view.Version).Select(p => p.Key).ToList())
            {
                _pending.Remove(stale);
            }

            while (_pending.Remove(_view.Version, out var next))
            {
                Apply(next);
            }

            _synced = _pending.Count == 0;
        }
    }

    private void Apply(ShardDelta delta)
    {
        if (delta.Cleared)
        {
            _view!.Clear();
        }

        _view!.Apply(delta.Batch);
        _view.Version = delta.To;
        Signal();
    }

    private void Signal()
    {
        _pages = PageCache.Empty;
        _changed.TrySetResult();
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>Pages answered for one state of a replica: a small map replaced whole on each addition, so readers need no lock.</summary>
internal sealed class PageCache
{
    private const int MaxPages = 32;
    private readonly Dictionary<ShardPageQuery, ShardPage> _pages;

    private PageCache(Dictionary<ShardPageQuery, ShardPage> pages) => _pages = pages;

    public static PageCache Empty { get; } = new([]);

    public ShardPage? Find(ShardPageQuery query) => _pages.GetValueOrDefault(query);

    // Past MaxPages (pages of a search being typed) the cache starts again rather than grow.
    public PageCache With(ShardPageQuery query, ShardPage page) =>
        new(_pages.Count >= MaxPages ? new() { [query] = page } : new(_pages) { [query] = page });
}
