namespace BranchLedger.Domain.Rankings;

/// <summary>
/// One shard of a ranking: the branches' scores, kept sorted by total (a sorted array with binary
/// search, so a rank is O(log n) and an update moves one block of references). Rankings by one
/// indicator are sorted on demand from the held scores and kept until the next change.
/// </summary>
/// <remarks>
/// Versions make pushes order-independent: a score replaces the held one only when its version is
/// newer, and a withdrawal leaves a tombstone at its version so a late push cannot bring a closed
/// branch back.
/// </remarks>
public sealed class RankingIndex
{
    private const int MaxCachedIndicatorViews = 16;

    // Up to this many changes are inserted one by one (each moves a block of the array); more are
    // sorted and merged with the rest in one pass, so loading or rebuilding n scores is O(n log n).
    private const int OneByOneLimit = 16;

    private readonly EntriesByTotal _byTotal = new();
    private readonly Dictionary<RankingKey, RankingEntry> _entries = [];
    private readonly Dictionary<RankingKey, long> _withdrawn = [];
    private readonly Dictionary<string, Ranked[]> _byIndicator = new(StringComparer.Ordinal);

    /// <summary>Branches ranked.</summary>
    public int Count => _byTotal.Count;

    /// <summary>The ranking by total, best first.</summary>
    public IReadOnlyList<Ranked> ByTotal => _byTotal;

    /// <summary>Every held entry, in no particular order.</summary>
    public IReadOnlyCollection<RankingEntry> Entries => _entries.Values;

    /// <summary>Withdrawn branches and the version each withdrawal superseded.</summary>
    public IReadOnlyDictionary<RankingKey, long> Withdrawn => _withdrawn;

    /// <summary>Adds or replaces a branch's score, unless the held score or withdrawal is as new or newer.</summary>
    public UpsertOutcome Upsert(RankingEntry entry)
    {
        var key = entry.Key;
        if (_withdrawn.TryGetValue(key, out var withdrawnAt) && entry.Version <= withdrawnAt)
        {
            return UpsertOutcome.Stale;
        }

        var held = _entries.GetValueOrDefault(key);
        if (held is not null)
        {
            if (entry.Version <= held.Version)
            {
                return UpsertOutcome.Stale;
            }

            _byTotal.Remove(held);
        }

        _withdrawn.Remove(key);
        _entries[key] = entry;
        _byTotal.Insert(entry);
        _byIndicator.Clear();
        return held is null ? UpsertOutcome.Added : UpsertOutcome.Replaced;
    }

    /// <summary>
    /// Adds or replaces many scores at once, each under the same rule as <see cref="Upsert"/>; of
    /// several scores of one branch in the batch only the newest can count.
    /// </summary>
    public UpsertTally UpsertMany(IEnumerable<RankingEntry> entries)
    {
        var newest = new Dictionary<RankingKey, RankingEntry>();
        var stale = 0;
        foreach (var entry in entries)
        {
            if (newest.TryGetValue(entry.Key, out var other) && other.Version >= entry.Version)
            {
                stale++;
                continue;
            }

            stale += other is null ? 0 : 1;
            newest[entry.Key] = entry;
        }

        if (newest.Count <= OneByOneLimit)
        {
            var tally = new UpsertTally(0, 0, stale);
            foreach (var entry in newest.Values)
            {
                tally = tally.Count(Upsert(entry));
            }

            return tally;
        }

        return Merge(newest.Values, stale);
    }

    private UpsertTally Merge(IEnumerable<RankingEntry> candidates, int stale)
    {
        var replaced = new HashSet<RankingKey>();
        var inserted = new List<RankingEntry>();
        var added = 0;
        foreach (var entry in candidates)
        {
            var key = entry.Key;
            var held = _entries.GetValueOrDefault(key);
            if ((_withdrawn.TryGetValue(key, out var withdrawnAt) && entry.Version <= withdrawnAt)
                || (held is not null && entry.Version <= held.Version))
            {
                stale++;
                continue;
            }

            if (held is null)
            {
                added++;
            }
            else
            {
                replaced.Add(key);
            }

            _withdrawn.Remove(key);
            _entries[key] = entry;
            inserted.Add(entry);
        }

        if (inserted.Count > 0)
        {
            inserted.Sort(static (a, b) => a.TotalPosition.CompareTo(b.TotalPosition));
            MergeInPlace(replaced, inserted);
            _byIndicator.Clear();
        }

        return new UpsertTally(added, replaced.Count, stale);
    }

    // Merges in the list itself, from the back: a city shard takes a batch every 100 ms while a city
    // loads, and a new array per batch (tens of thousands of entries, the large-object heap) made the
    // garbage collector the silo's busiest part. Positions are unique, and replaced entries go first.
    private void MergeInPlace(HashSet<RankingKey> replaced, List<RankingEntry> inserted)
    {
        if (replaced.Count > 0)
        {
            _byTotal.RemoveAll(kept => replaced.Contains(kept.Key));
        }

        _byTotal.MergeSorted(inserted);
    }

    /// <summary>
    /// Takes a branch out of the ranking (a closed node). Pushes with a version up to
    /// <paramref name="version"/> are ignored afterwards; a held score newer than it stays.
    /// </summary>
    /// <returns>True when something changed (the branch was ranked, or the tombstone moved up).</returns>
    public bool Withdraw(RankingKey key, long version)
    {
        if (_entries.TryGetValue(key, out var held))
        {
            if (held.Version > version)
            {
                return false;
            }

            _byTotal.Remove(held);
            _entries.Remove(key);
            _byIndicator.Clear();
        }
        else if (_withdrawn.TryGetValue(key, out var withdrawnAt) && withdrawnAt >= version)
        {
            return false;
        }

        _withdrawn[key] = version;
        return true;
    }

    /// <summary>Restores a withdrawal from a snapshot.</summary>
    public void RestoreWithdrawal(RankingKey key, long version) => Withdraw(key, version);

    /// <summary>Forgets everything: scores, withdrawals and cached views.</summary>
    public void Clear()
    {
        _byTotal.Clear();
        _entries.Clear();
        _withdrawn.Clear();
        _byIndicator.Clear();
    }

    /// <summary>The branch's entry, if ranked.</summary>
    public RankingEntry? Find(RankingKey key) => _entries.GetValueOrDefault(key);

    /// <summary>The branch's 1-based rank by total, if ranked.</summary>
    public int? Rank(RankingKey key) => StandingOf(key)?.Rank;

    /// <summary>The branch's percentile by total (see <see cref="Standing.Percentile"/>), if ranked.</summary>
    public double? Percentile(RankingKey key) => StandingOf(key)?.Percentile;

    /// <summary>The branch's standing by total, if ranked.</summary>
    public Standing? StandingOf(RankingKey key) =>
        _entries.TryGetValue(key, out var entry) ? Standing.In(_byTotal, entry.TotalPosition) : null;

    /// <summary>The ranking by total (null or empty id) or by one indicator's points.</summary>
    public IReadOnlyList<Ranked> View(string? indicatorId) =>
        string.IsNullOrEmpty(indicatorId) ? _byTotal : ByIndicator(indicatorId);

    /// <summary>
    /// The ranking by one indicator's points, best first, with the same tie-break as totals; only
    /// entries for which the indicator is assessable take part. Sorted on demand (O(n log n)) and
    /// cached until the next change.
    /// </summary>
    public IReadOnlyList<Ranked> ByIndicator(string indicatorId)
    {
        if (_byIndicator.TryGetValue(indicatorId, out var cached))
        {
            return cached;
        }

        var view = new List<Ranked>(_byTotal.Count);
        foreach (var ranked in _byTotal)
        {
            if (ranked.Entry.IndicatorPosition(indicatorId) is { } position)
            {
                view.Add(new Ranked(position, ranked.Entry));
            }
        }

        var sorted = view.ToArray();
        Array.Sort(sorted, static (a, b) => a.Position.CompareTo(b.Position));
        if (_byIndicator.Count >= MaxCachedIndicatorViews)
        {
            _byIndicator.Clear();
        }

        _byIndicator[indicatorId] = sorted;
        return sorted;
    }

    /// <summary>
    /// The scores of a ranking as exact counts per value, for quantiles and histograms: totals on a
    /// 0–100 scale, or one indicator's points on a scale up to the largest maximum any entry has.
    /// </summary>
    public ScoreCounts Distribution(string? indicatorId)
    {
        var view = View(indicatorId);
        var scores = new long[view.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = view[i].Position.Score;
        }

        var scale = ScoreCounts.TotalScale;
        if (!string.IsNullOrEmpty(indicatorId))
        {
            scale = 0;
            foreach (var ranked in view)
            {
                scale = Math.Max(scale, Hundredths.Of(ranked.Entry.Indicator(indicatorId)!.Value.MaxPoints));
            }
        }

        return ScoreCounts.Of(scores, scale);
    }

    /// <summary>Per tenant: how many branches, and the sum, sum of squares, minimum and maximum of their totals.</summary>
    public IReadOnlyList<TenantStats> TenantStats()
    {
        var byTenant = new Dictionary<string, (int Count, long Sum, long Squares, long Min, long Max)>(StringComparer.Ordinal);
        foreach (var ranked in _byTotal)
        {
            var total = ranked.Position.Score;
            byTenant[ranked.Entry.Tenant] = byTenant.TryGetValue(ranked.Entry.Tenant, out var s)
                ? (s.Count + 1, s.Sum + total, s.Squares + (total * total), Math.Min(s.Min, total), Math.Max(s.Max, total))
                : (1, total, total * total, total, total);
        }

        return [.. byTenant
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new TenantStats(t.Key, t.Value.Count, t.Value.Sum, t.Value.Squares, t.Value.Min, t.Value.Max))];
    }
}
