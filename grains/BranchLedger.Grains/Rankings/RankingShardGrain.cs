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

    private readonly RankingIndex _index = new();
    private readonly StringPool _pool = new();
    private string _rubricVersion = "";
    private string _period = "";
    private long _version;
    private bool _dirty;
    private DateTimeOffset _written;
    private Task _saving = Task.CompletedTask;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_rubricVersion, _period) = RankingKeys.Parse(this.GetPrimaryKeyString());
        _index.UpsertMany(snapshot.State.Scores.Select(s => RankingEntries.ToEntry(s, _pool)));
        foreach (var withdrawn in snapshot.State.Withdrawn)
        {
            _index.RestoreWithdrawal(new RankingKey(withdrawn.Tenant, withdrawn.NodeId), withdrawn.Version);
        }

        snapshot.State = new RankingShardState(); // the index holds the scores now; the snapshot is rebuilt on save
        // Ticks, not zero: a reactivated shard must not repeat a version a watcher saw before.
        _version = clock.GetUtcNow().UtcTicks;
        _written = clock.GetUtcNow();
        this.RegisterGrainTimer(_ => SaveIfDueAsync(), new GrainTimerCreationOptions(SnapshotInterval, SnapshotInterval) { Interleave = true });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await SaveAsync();

    /// <inheritdoc />
    public Task<RankingApplyResult> Apply(RankingBatch batch)
    {
        foreach (var score in batch.Scores)
        {
            Belongs(score.Period, score.RubricVersion);
        }

        foreach (var removal in batch.Removals)
        {
            Belongs(removal.Period, removal.RubricVersion);
        }

        var tally = _index.UpsertMany(batch.Scores.Select(s => RankingEntries.ToEntry(s, _pool)));
        var withdrawn = batch.Removals.Count(r => _index.Withdraw(new RankingKey(r.Tenant, r.NodeId), r.Version));
        if (tally.Changed || withdrawn > 0)
        {
            _version++;
            _dirty = true;
        }

        return Task.FromResult(new RankingApplyResult(tally.Added, tally.Replaced, tally.Stale, withdrawn));
    }

    /// <inheritdoc />
    public Task<long> GetVersion() => Task.FromResult(_version);

    /// <inheritdoc />
    public Task<ShardPage> Page(ShardPageQuery query)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(query.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Count, ShardPageQuery.MaxCount);
        var view = _index.View(query.IndicatorId);
        Func<RankingEntry, bool>? filter = string.IsNullOrEmpty(query.NameContains) ? null : e => e.NameContains(query.NameContains);
        var (items, skipped) = RankedList.Page(view, query.After?.ToPosition(), query.Count, filter);
        return Task.FromResult(new ShardPage([.. items.Select(r => RankingEntries.ToRow(r, query.IndicatorId))], skipped, view.Count, _version));
    }

    /// <inheritdoc />
    public Task<ShardLocation?> Locate(string tenant, string nodeId)
    {
        var entry = _index.Find(new RankingKey(tenant, nodeId));
        if (entry is null)
        {
            return Task.FromResult<ShardLocation?>(null);
        }

        var standing = Standing.In(_index.ByTotal, entry.TotalPosition);
        return Task.FromResult<ShardLocation?>(new ShardLocation(
            RankingEntries.ToScore(entry, _period, _rubricVersion), standing.Before, standing.Lower, standing.Count));
    }

    /// <inheritdoc />
    public Task<ShardStandings> Standings(string? indicatorId, IReadOnlyList<RankingCursor> probes)
    {
        var view = _index.View(indicatorId);
        var before = new int[probes.Count];
        var lower = new int[probes.Count];
        for (var i = 0; i < probes.Count; i++)
        {
            var standing = Standing.In(view, probes[i].ToPosition());
            before[i] = standing.Before;
            lower[i] = standing.Lower;
        }

        return Task.FromResult(new ShardStandings(before, lower, view.Count));
    }

    /// <inheritdoc />
    public Task<DistributionCounts> Distribution(string? indicatorId) =>
        Task.FromResult(DistributionCounts.Of(_index.Distribution(indicatorId)));

    /// <inheritdoc />
    public Task<IReadOnlyList<TenantAggregate>> TenantAggregates() =>
        Task.FromResult<IReadOnlyList<TenantAggregate>>([.. _index.TenantStats().Select(TenantAggregate.Of)]);

    /// <inheritdoc />
    public async Task Reset()
    {
        await _saving;
        _index.Clear();
        _pool.Clear();
        _version++;
        _dirty = false;
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
        _dirty && SnapshotPolicy.IsDue(_index.Count, _written, clock.GetUtcNow()) ? SaveAsync() : Task.CompletedTask;

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
            Scores = [.. _index.Entries.Select(e => RankingEntries.ToScore(e, _period, _rubricVersion))],
            Withdrawn = [.. _index.Withdrawn.Select(w => new BranchRemoval
            {
                Tenant = w.Key.Tenant, NodeId = w.Key.NodeId, Period = _period, RubricVersion = _rubricVersion, Version = w.Value,
            })],
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
            logger.LogWarning(ex, "Ranking shard {Shard} could not write its snapshot; it retries in {Interval}", this.GetPrimaryKeyString(), SnapshotPolicy.IntervalFor(_index.Count));
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
        if (!string.Equals(period, _period, StringComparison.Ordinal) || !string.Equals(rubricVersion, _rubricVersion, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"A push for {rubricVersion}/{period} reached shard {this.GetPrimaryKeyString()}; route pushes with RankingPush.");
        }
    }
}
