namespace BranchLedger.Grains.Ledger;

/// <summary>Lookups in the sealed years' compact indexes.</summary>
internal static class SealedIndex
{
    /// <summary>
    /// FNV-1a over the UTF-16 code units: stable across processes and versions (unlike string.GetHashCode),
    /// and a collision only costs one archive read, which then compares the real request id.
    /// </summary>
    public static long Hash(string requestId)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in requestId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    /// <summary>The sealed years whose archive may hold a record created under <paramref name="requestId"/>.</summary>
    public static IEnumerable<int> YearsMaybeHolding(IEnumerable<SealedYear> sealedYears, string requestId)
    {
        var hash = Hash(requestId);
        return sealedYears.Where(y => y.RequestIdHashes.BinarySearch(hash) >= 0).Select(y => y.Year);
    }

    /// <summary>The sealed year whose archive holds <paramref name="sequence"/>, if any.</summary>
    public static int? YearHolding(IEnumerable<SealedYear> sealedYears, long sequence) =>
        sealedYears.FirstOrDefault(y => y.Sequences.BinarySearch(sequence) >= 0)?.Year;

    /// <summary>Adds <paramref name="records"/> to a year's index, keeping both lists sorted.</summary>
    public static void Add(SealedYear year, IEnumerable<Contracts.Ledger.LedgerRecord> records)
    {
        foreach (var record in records)
        {
            Insert(year.Sequences, record.Sequence);
            Insert(year.RequestIdHashes, Hash(record.RequestId));
        }
    }

    private static void Insert(List<long> sorted, long value)
    {
        var at = sorted.BinarySearch(value);
        if (at < 0)
        {
            sorted.Insert(~at, value);
        }
    }
}
