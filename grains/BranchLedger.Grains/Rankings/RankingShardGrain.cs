using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Domain.Rankings;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace BranchLedger.Grains.Rankings;

/// <summary>
/// A ranking shard: a <see cref="RankingIndex"/> in memory, answered from memory. Its storage row is
/// only a snapshot for faster reactivation, written while the shard changes at most as often as
/// <see cref="SnapshotPolicy"/> allows for its size (checked every <see cref="SnapshotInterval"/>) and once on deactivation; writes interleave with calls, so neither reads
/// nor pushes wait for PostgreSQL. If the row is lost the shard starts empty and the branches'
/// republishing fills it again.
/// </summary>
public sealed class RankingShardGrain(
    [PersistentState(stateName: RankingShardGrain.StateName, storageName: StorageNames.Ledger)]
    IPersistentState<RankingShardState> snapshot,
    TimeProvider clock,
    ILogger<RankingShardGrain> logger) : Grain, IRankingShardGrain
{
    /// <summary>The state name (unique per grain class).</summary>
    public const string StateName = "ranking-shard";

    /// <summary>How often a changed shard asks whether its snapshot is due.</summary>
    public static readonly TimeSpan SnapshotInterval = SnapshotPolicy.Shortest;

    // The gateways' replica feeds and when each last renewed (see IRankingReplicaObserver).
    private readonly Dictionary<IRankingReplicaObserver, DateTimeOffset> _feeds = [];
    private ShardView _view = new("", "");
    private bool _dirty;
    private DateTimeOffset _written;
    private Task _saving = Task.CompletedTask;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (rubricVersion, period) = RankingKeys.Parse(this.GetPrimaryKeyString());
        _view = new ShardView(period, rubricVersion);
        _view.Load(snapshot.State.Scores, snapshot.State.Withdrawn);
        snapshot.State = new RankingShardState(); // the index holds the scores now; the snapshot is rebuilt on save
        // Ticks, not zero: a reactivated shard must not repeat a version a watcher or replica saw before.
        _view.Version = clock.GetUtcNow().UtcTicks;
        _written = clock.GetUtcNow();
        this.RegisterGrainTimer(_ => SaveIfDueAsync(), new GrainTimerCreationOptions(SnapshotInterval, SnapshotInterval) { Interleave = true });
        await AnnounceActivationAsync();
    }

    // A new activation has no subscribers: the gateways that replicated an earlier one must fetch it
    // again, or they would serve it without the pushes that follow. Best effort: a gateway missed
    // here sees the new version at its next renewal.
    private async Task AnnounceActivationAsync()
    {
        try
        {
            var feeds = await GrainFactory.GetGrain<IRankingReplicaDirectoryGrain>(RankingKeys.Catalog).Feeds();
            var key = this.GetPrimaryKeyString();
            await ShardReplicaFeed.DeliverAsync(feeds, feed => feed.OnActivated(key));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Ranking shard {Shard} could not tell the gateways it activated", this.GetPrimaryKeyString());
        }
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await SaveAsync();

    /// <inheritdoc />
    public async Task<RankingApplyResult> Apply(RankingBatch batch)
    {
        foreach (var score in batch.Scores)
        {
            Belongs(score.Period, score.RubricVersion);
        }

        foreach (var removal in batch.Removals)
        {
            Belongs(removal.Period, removal.RubricVersion);
        }

        var result = _view.Apply(batch);
        if (result.Added + result.Replaced + result.Withdrawn > 0)
        {
            var from = _view.Version++;
            _dirty = true;
            await PublishAsync(new ShardDelta(this.GetPrimaryKeyString(), from, _view.Version, batch, Cleared: false));
        }

        return result;
    }

    /// <inheritdoc />
    public Task<long> GetVersion() => Task.FromResult(_view.Version);

    /// <inheritdoc />
    public Task<ShardReplicaState?> Subscribe(IRankingReplicaObserver feed, long knownVersion)
    {
        _feeds[feed] = clock.GetUtcNow();
        return Task.FromResult(knownVersion == _view.Version
            ? null
            : new ShardReplicaState(_view.Version, _view.Scores(), _view.Withdrawals()));
    }

    /// <inheritdoc />
    public Task Unsubscribe(IRankingReplicaObserver feed)
    {
        _feeds.Remove(feed);
        return Task.CompletedTask;
    }

    // Awaited before the change is acknowledged, so an acknowledged push is in every subscribed
    // gateway's replica (the ≤ 200 ms budget from ack to visible). Deltas to one gateway go one at a
    // time in version order (the grain is not reentrant); a gateway that fails or is slow is dropped
    // and resynchronises when it next renews.
    private async Task PublishAsync(ShardDelta delta)
    {
        var now = clock.GetUtcNow();
        foreach (var expired in _feeds.Where(f => now - f.Value > ShardReplicaFeed.Expiry).Select(f => f.Key).ToList())
        {
            _feeds.Remove(expired);
        }

        var failed = await ShardReplicaFeed.DeliverAsync([.. _feeds.Keys], feed => feed.OnDelta(delta));
        foreach (var feed in failed)
        {
            _feeds.Remove(feed);
            logger.LogWarning("Ranking shard {Shard} dropped a gateway feed that did not take version {Version}", delta.ShardKey, delta.To);
        }
    }

    /// <inheritdoc />
    public Task<ShardPage> Page(ShardPageQuery query) => Task.FromResult(_view.Page(query));

    /// <inheritdoc />
    public Task<ShardLocation?> Locate(string tenant, string nodeId) => Task.FromResult(_view.Locate(tenant, nodeId));

    /// <inheritdoc />
    public Task<ShardStandings> Standings(string? indicatorId, IReadOnlyList<RankingCursor> probes) =>
        Task.FromResult(_view.Standings(indicatorId, probes));

    /// <inheritdoc />
    public Task<DistributionCounts> Distribution(string? indicatorId) => Task.FromResult(_view.Distribution(indicatorId));

    /// <inheritdoc />
    public Task<IReadOnlyList<TenantAggregate>> TenantAggregates() => Task.FromResult(_view.TenantAggregates());

    /// <inheritdoc />
    public async Task Reset()
    {
        await _saving;
        _view.Clear();
        var from = _view.Version++;
        _dirty = false;
        await PublishAsync(new ShardDelta(this.GetPrimaryKeyString(), from, _view.Version, new RankingBatch([], []), Cleared: true));
        snapshot.State = new RankingShardState();
        try
        {
            await ClearAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The old row would come back on reactivation: write the empty snapshot on the next tick.
            _dirty = true;
            logger.LogWarning(ex, "Ranking shard {Shard} could not clear its snapshot", this.GetPrimaryKeyString());
            throw new StorageUnavailableException("The ranking shard was cleared in memory but not yet in storage; it retries by itself.");
        }
    }

    private async Task ClearAsync()
    {
        try
        {
            await snapshot.ClearStateAsync();
        }
        catch (InconsistentStateException)
        {
            // Someone else changed or deleted the row (e.g. an operator): take its current ETag and clear again.
            await snapshot.ReadStateAsync();
            snapshot.State = new RankingShardState();
            await snapshot.ClearStateAsync();
        }
    }

    private Task SaveIfDueAsync() =>
        _dirty && SnapshotPolicy.IsDue(_view.Count, _written, clock.GetUtcNow()) ? SaveAsync() : Task.CompletedTask;

    private async Task SaveAsync()
    {
        await _saving; // one write at a time
        if (_dirty)
        {
            _saving = WriteSnapshotAsync();
            await _saving;
        }
    }

    private async Task WriteSnapshotAsync()
    {
        // Built before the first await: pushes that interleave with the write change the index, not
        // this snapshot, and mark the shard dirty again for the next tick.
        snapshot.State = new RankingShardState
        {
            Scores = [.. _view.Scores()],
            Withdrawn = [.. _view.Withdrawals()],
        };
        _dirty = false;
        _written = clock.GetUtcNow();
        try
        {
            await snapshot.WriteStateAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _dirty = true;
            logger.LogWarning(ex, "Ranking shard {Shard} could not write its snapshot; it retries in {Interval}", this.GetPrimaryKeyString(), SnapshotPolicy.IntervalFor(_view.Count));
            if (ex is InconsistentStateException)
            {
                await RefreshEtagAsync();
            }
        }
        finally
        {
            snapshot.State = new RankingShardState();
        }
    }

    // The row was changed or deleted behind the shard's back: adopt its ETag so the next write wins.
    private async Task RefreshEtagAsync()
    {
        try
        {
            await snapshot.ReadStateAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Ranking shard {Shard} could not re-read its snapshot row", this.GetPrimaryKeyString());
        }
    }

    private void Belongs(string period, string rubricVersion)
    {
        if (!string.Equals(period, _view.Period, StringComparison.Ordinal) || !string.Equals(rubricVersion, _view.RubricVersion, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"A push for {rubricVersion}/{period} reached shard {this.GetPrimaryKeyString()}; route pushes with RankingPush.");
        }
    }
}
