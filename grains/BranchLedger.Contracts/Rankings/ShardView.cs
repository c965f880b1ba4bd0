using BranchLedger.Domain.Rankings;

namespace BranchLedger.Contracts.Rankings;

/// <summary>
/// The state of one ranking shard and every query on it: held by the shard grain and, as a replica,
/// by each gateway that reads the shard. Both apply the same batches in the same order through this
/// one class, so a replica answers exactly what its shard would (same ranks, tie-breaks, pages,
/// counts). Not thread-safe: the grain is single-threaded, a replica locks around each call.
/// </summary>
public sealed class ShardView(string period, string rubricVersion)
{
    private readonly RankingIndex _index = new();
    private readonly IndicatorLayouts _layouts = new();

    /// <summary>The period the shard ranks.</summary>
    public string Period { get; } = period;

    /// <summary>The rubric version the shard ranks under.</summary>
    public string RubricVersion { get; } = rubricVersion;

    /// <summary>Branches ranked.</summary>
    public int Count => _index.Count;

    /// <summary>The shard's change counter (see <see cref="IRankingShardGrain.GetVersion"/>).</summary>
    public long Version { get; set; }

    /// <summary>Applies a batch (scores first, then withdrawals; older versions are ignored).</summary>
    public RankingApplyResult Apply(RankingBatch batch)
    {
        var tally = _index.UpsertMany(batch.Scores.Select(s => RankingEntries.ToEntry(s, StringPool.Shared, _layouts)));
        var withdrawn = batch.Removals.Count(r => _index.Withdraw(new RankingKey(r.Tenant, r.NodeId), r.Version));
        return new RankingApplyResult(tally.Added, tally.Replaced, tally.Stale, withdrawn);
    }

    /// <summary>Loads held scores and withdrawals (a snapshot, a replica's full fetch) into an empty view.</summary>
    public void Load(IEnumerable<BranchScore> scores, IEnumerable<BranchRemoval> withdrawn)
    {
        _index.UpsertMany(scores.Select(s => RankingEntries.ToEntry(s, StringPool.Shared, _layouts)));
        foreach (var removal in withdrawn)
        {
            _index.RestoreWithdrawal(new RankingKey(removal.Tenant, removal.NodeId), removal.Version);
        }
    }

    /// <summary>Forgets every score and withdrawal.</summary>
    public void Clear()
    {
        _index.Clear();
        _layouts.Clear();
    }

    /// <summary>Every held score, as the wire form.</summary>
    public IReadOnlyList<BranchScore> Scores() => [.. _index.Entries.Select(e => RankingEntries.ToScore(e, Period, RubricVersion))];

    /// <summary>Every withdrawal, as the wire form.</summary>
    public IReadOnlyList<BranchRemoval> Withdrawals() => [.. _index.Withdrawn.Select(w => new BranchRemoval
    {
        Tenant = w.Key.Tenant, NodeId = w.Key.NodeId, Period = Period, RubricVersion = RubricVersion, Version = w.Value,
    })];

    /// <summary>See <see cref="IRankingShardGrain.Page"/>.</summary>
    public ShardPage Page(ShardPageQuery query)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(query.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Count, ShardPageQuery.MaxCount);
        var view = _index.View(query.IndicatorId);
        Func<RankingEntry, bool>? filter = string.IsNullOrEmpty(query.NameContains) ? null : e => e.NameContains(query.NameContains);
        var (items, skipped) = RankedList.Page(view, query.After?.ToPosition(), query.Count, filter);
        return new ShardPage([.. items.Select(r => RankingEntries.ToRow(r, query.IndicatorId))], skipped, view.Count, Version);
    }

    /// <summary>See <see cref="IRankingShardGrain.Locate"/>.</summary>
    public ShardLocation? Locate(string tenant, string nodeId)
    {
        var entry = _index.Find(new RankingKey(tenant, nodeId));
        if (entry is null)
        {
            return null;
        }

        var standing = Standing.In(_index.ByTotal, entry.TotalPosition);
        return new ShardLocation(RankingEntries.ToScore(entry, Period, RubricVersion), standing.Before, standing.Lower, standing.Count);
    }

    /// <summary>See <see cref="IRankingShardGrain.Standings"/>.</summary>
    public ShardStandings Standings(string? indicatorId, IReadOnlyList<RankingCursor> probes)
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

        return new ShardStandings(before, lower, view.Count);
    }

    /// <summary>See <see cref="IRankingShardGrain.Distribution"/>.</summary>
    public DistributionCounts Distribution(string? indicatorId) => DistributionCounts.Of(_index.Distribution(indicatorId));

    /// <summary>See <see cref="IRankingShardGrain.TenantAggregates"/>.</summary>
    public IReadOnlyList<TenantAggregate> TenantAggregates() => [.. _index.TenantStats().Select(TenantAggregate.Of)];
}
