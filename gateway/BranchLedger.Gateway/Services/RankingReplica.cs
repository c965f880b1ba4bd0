using System.Collections.Concurrent;
using BranchLedger.Contracts.Rankings;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// This gateway's replicas of the ranking shards it reads, fed by push: one grain observer
/// (<see cref="IRankingReplicaObserver"/>) subscribed to each replicated shard. A shard is fetched
/// whole on its first read, then every change arrives as a delta before the shard acknowledges the
/// push, so reads (<see cref="RankingReader"/>) are answered from memory without a silo round trip.
/// Every <see cref="RenewInterval"/> the gateway renews its subscriptions (observers expire) and
/// compares versions: a shard that moved on without telling it (a lost feed) is fetched again. A
/// replica nobody read for <see cref="IdleAfter"/> is dropped.
/// </summary>
internal sealed class RankingReplica : IRankingReplicaObserver
{
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, ShardReplica> _shards = new(StringComparer.Ordinal);
    private readonly IRankingReplicaObserver _feed;
    private readonly CancellationToken _stopping;
    private readonly Lock _lock = new();
    private Task? _renewing;

    public RankingReplica(IGrainFactory grains, TimeProvider clock, ILogger logger, TimeSpan renewInterval, CancellationToken stopping)
    {
        _grains = grains;
        _clock = clock;
        _logger = logger;
        _stopping = stopping;
        RenewInterval = renewInterval;
        // The reference is held here for the gateway's life: the client keeps observers only weakly.
        _feed = grains.CreateObjectReference<IRankingReplicaObserver>(this);
    }

    public TimeSpan RenewInterval { get; }

    public static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(10);

    /// <summary>The replicated shards, for health and tests.</summary>
    public IReadOnlyCollection<ShardReplica> Shards => [.. _shards.Values];

    /// <summary>The gateway's feed, as the shards know it (tests interrupt it through the shard).</summary>
    public IRankingReplicaObserver Feed => _feed;

    /// <summary>The replica of a shard (created, and the renewal started, on first use).</summary>
    public ShardReplica Shard(string key)
    {
        if (_shards.TryGetValue(key, out var held))
        {
            return held;
        }

        var shard = _shards.GetOrAdd(key, k => new ShardReplica(k, _grains.GetGrain<IRankingShardGrain>(k), _feed, _clock, _logger));
        EnsureRenewing();
        return shard;
    }

    /// <summary>Reads one shard's replica.</summary>
    public Task<T> ReadAsync<T>(string key, Func<ShardView, T> read) => Shard(key).ReadAsync(read);

    /// <summary>A page of shard <paramref name="key"/>'s replica (repeated pages come from its page cache).</summary>
    public Task<ShardPage> PageAsync(string key, ShardPageQuery query) => Shard(key).PageAsync(query);

    /// <inheritdoc />
    public Task OnDelta(ShardDelta delta)
    {
        if (_shards.TryGetValue(delta.ShardKey, out var shard))
        {
            shard.OnDelta(delta);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task OnActivated(string shardKey)
    {
        if (_shards.TryGetValue(shardKey, out var shard))
        {
            shard.OnActivated();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// One round of renewal: the directory registration, then each replica's subscription with its
    /// version (a shard that moved on without a delta sends itself: a lost feed, fetched again);
    /// replicas idle for <see cref="IdleAfter"/> are dropped.
    /// </summary>
    public async Task RenewOnceAsync()
    {
        await _grains.GetGrain<IRankingReplicaDirectoryGrain>(RankingKeys.Catalog).Register(_feed);
        var now = _clock.GetUtcNow();
        foreach (var shard in _shards.Values)
        {
            if (now - shard.LastRead > IdleAfter && _shards.TryRemove(shard.Key, out _))
            {
                await shard.UnsubscribeAsync();
            }
            else
            {
                await RenewAsync(shard);
            }
        }
    }

    private static async Task RenewAsync(ShardReplica shard)
    {
        try
        {
            await shard.RenewAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ObjectDisposedException)
        {
            // Logged and flagged by the replica (health says so); the next round tries again.
        }
    }

    private void EnsureRenewing()
    {
        lock (_lock)
        {
            if (_renewing is null || _renewing.IsCompleted)
            {
                _renewing = Task.Run(RenewLoopAsync);
            }
        }
    }

    // Registers the feed with the directory (so reactivated shards find it), then renews every
    // replica each interval. Ends with the gateway, or when nothing is replicated any more.
    private async Task RenewLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await RenewOnceAsync();
            }
            catch (ObjectDisposedException)
            {
                return; // the cluster client is gone
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Ranking replicas could not renew their subscriptions; retrying in {Interval}", RenewInterval);
            }

            lock (_lock)
            {
                if (_shards.IsEmpty)
                {
                    _renewing = null;
                    return;
                }
            }

            try
            {
                await Task.Delay(RenewInterval, _clock, _stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
