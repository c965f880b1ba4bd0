using System.Collections;
using System.Runtime.InteropServices;

namespace BranchLedger.Domain.Rankings;

/// <summary>
/// The ranking by total as a list of entries: an entry's place by total follows from the entry itself,
/// so the list keeps 8 bytes per branch rather than a <see cref="Ranked"/> of 32 (a ranking holds every
/// branch of the city for each of two years' periods). Read as <see cref="Ranked"/> items for the
/// searches in <see cref="RankedList"/>.
/// </summary>
internal sealed class EntriesByTotal : IReadOnlyList<Ranked>
{
    private readonly List<RankingEntry> _entries = [];

    public int Count => _entries.Count;

    public Ranked this[int index]
    {
        get
        {
            var entry = _entries[index];
            return new Ranked(entry.TotalPosition, entry);
        }
    }

    public void Insert(RankingEntry entry) => _entries.Insert(RankedList.CountBefore(this, entry.TotalPosition), entry);

    public void Remove(RankingEntry entry) => _entries.RemoveAt(RankedList.CountBefore(this, entry.TotalPosition));

    public void RemoveAll(Predicate<RankingEntry> match) => _entries.RemoveAll(match);

    public void Clear() => _entries.Clear();

    /// <summary>Merges entries sorted by total into the list, from the back and in place (no second array).</summary>
    public void MergeSorted(List<RankingEntry> sorted)
    {
        var i = _entries.Count - 1;
        CollectionsMarshal.SetCount(_entries, _entries.Count + sorted.Count);
        var merged = CollectionsMarshal.AsSpan(_entries);
        for (int j = sorted.Count - 1, w = merged.Length - 1; j >= 0; w--)
        {
            merged[w] = i >= 0 && sorted[j].TotalPosition < merged[i].TotalPosition ? merged[i--] : sorted[j--];
        }
    }

    public IEnumerator<Ranked> GetEnumerator()
    {
        foreach (var entry in _entries)
        {
            yield return new Ranked(entry.TotalPosition, entry);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
