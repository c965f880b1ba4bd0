using BranchLedger.Contracts.Ledger;
using BranchLedger.Ledger;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Grains.Ledger;

// Reads over the live ledger and, for a sealed year, its records merged in from the journal: the
// aggregate answers, the store knows where a sealed year's records are.
internal sealed partial class LedgerStore
{
    /// <summary>The most records or review items one page holds, whatever the caller asks.</summary>
    internal const int MaxPageSize = 500;

    /// <summary>The live book, or for a sealed year the live records merged with that year's.</summary>
    public async Task<RecordBook> BookAsync(LedgerAggregate ledger, int? year) =>
        year is { } y && IsSealed(y) ? ledger.BookWith(await SealedYearRecordsAsync(y)) : ledger.Book;

    /// <summary>A page of records of the live book or of a sealed year, saying which years are sealed.</summary>
    public async Task<RecordPage> ListAsync(LedgerAggregate ledger, RecordQuery query) =>
        (await BookAsync(ledger, query.Year)).List(query, MaxPageSize) with { SealedYears = SealedYears };

    /// <summary>A page of the review queue of the live book or of a sealed year.</summary>
    public async Task<ReviewQueuePage> ReviewQueueAsync(LedgerAggregate ledger, ReviewQueueQuery query) =>
        (await BookAsync(ledger, query.Year)).ReviewQueue(query, MaxPageSize);

    /// <summary>A record with what was written about it, live or from the sealed year holding it; null when unknown.</summary>
    public async Task<RecordHistory?> HistoryAsync(LedgerAggregate ledger, long sequence)
    {
        if (ledger.Book.History(sequence) is { } live)
        {
            return live;
        }

        return SealedYearOf(sequence) is { } year ? (await BookAsync(ledger, year)).History(sequence) : null;
    }

    /// <summary>The books of the sealed years before <paramref name="year"/>, ascending.</summary>
    public async Task<IReadOnlyList<RecordBook>> SealedBooksBeforeAsync(LedgerAggregate ledger, int year)
    {
        var earlier = new List<RecordBook>();
        foreach (var sealedYear in SealedYears.Where(y => y < year))
        {
            earlier.Add(await BookAsync(ledger, sealedYear));
        }

        return earlier;
    }
}
