using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Periods;

namespace BranchLedger.Grains.Ledger;

// Reads: the live ledger, and sealed years merged in from their archives.
public sealed partial class LedgerGrain
{
    /// <inheritdoc />
    public async Task<RecordPage> ListRecords(RecordQuery query)
    {
        RequireNode();
        return (await BookFor(query.Year)).List(query, MaxPageSize) with { SealedYears = [.. ledger.State.Sealed.Select(y => y.Year)] };
    }

    /// <inheritdoc />
    public async Task<RecordHistory?> GetRecord(long sequence)
    {
        RequireNode();
        if (_book.History(sequence) is { } live)
        {
            return live;
        }

        return SealedIndex.YearHolding(ledger.State.Sealed, sequence) is { } year ? (await BookFor(year)).History(sequence) : null;
    }

    /// <inheritdoc />
    public async Task<ReviewQueuePage> ListReviewQueue(ReviewQueueQuery query)
    {
        RequireNode();
        return (await BookFor(query.Year)).ReviewQueue(query, MaxPageSize);
    }

    /// <inheritdoc />
    public async Task<ComplianceView> GetCompliance(string period)
    {
        var node = RequireNode();
        if (!Period.TryParse(period, out var parsed) || parsed is null)
        {
            throw new InvalidCommandException([new FieldError("period", "must be a year (2026), a quarter (2026-Q1) or a month (2026-03)")]);
        }

        var book = await BookFor(parsed.Start.Year);
        return ComplianceFacts.Evaluate(node, book.Current(), _workflows, parsed, Today());
    }

    // The live book, or for a sealed year the live records merged with that year's archive (a record
    // in both — a seal interrupted before the live state was saved — counts once, as live).
    private async Task<RecordBook> BookFor(int? year)
    {
        if (year is not { } y || !IsSealed(y))
        {
            return _book;
        }

        return RecordBook.Union(Records.Concat(await ArchivedRecords(y)));
    }
}
