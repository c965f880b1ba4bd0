using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Reports;
using BranchLedger.Ledger;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Grains.Ledger;

// Reads: the live ledger, and sealed years merged in from the journal.
public sealed partial class LedgerGrain
{
    /// <inheritdoc />
    public async Task<RecordPage> ListRecords(RecordQuery query)
    {
        _ledger.RequireNode();
        return (await BookFor(query.Year)).List(query, MaxPageSize) with { SealedYears = Store.SealedYears };
    }

    /// <inheritdoc />
    public async Task<RecordHistory?> GetRecord(long sequence)
    {
        _ledger.RequireNode();
        if (_ledger.Book.History(sequence) is { } live)
        {
            return live;
        }

        return Store.SealedYearOf(sequence) is { } year ? (await BookFor(year)).History(sequence) : null;
    }

    /// <inheritdoc />
    public async Task<ReviewQueuePage> ListReviewQueue(ReviewQueueQuery query)
    {
        _ledger.RequireNode();
        return (await BookFor(query.Year)).ReviewQueue(query, MaxPageSize);
    }

    /// <inheritdoc />
    public async Task<ComplianceView> GetCompliance(string period)
    {
        _ledger.RequireNode();
        var parsed = LedgerAggregate.PeriodOf(period);
        return _ledger.Compliance(await BookFor(parsed.Start.Year), parsed, Today());
    }

    /// <inheritdoc />
    public async Task<NodeReportFacts> GetReportFacts(int year)
    {
        _ledger.RequireNode();
        var earlier = new List<RecordBook>();
        foreach (var sealedYear in Store.SealedYears.Where(y => y < year))
        {
            earlier.Add(await BookFor(sealedYear));
        }

        return _ledger.ReportFacts(await BookFor(year), earlier, year, Today());
    }

    // The live book, or for a sealed year the live records merged with that year's.
    private async Task<RecordBook> BookFor(int? year) =>
        year is { } y && Store.IsSealed(y) ? _ledger.BookWith(await Store.SealedYearRecordsAsync(y)) : _ledger.Book;
}
