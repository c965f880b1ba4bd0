using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;

namespace BranchLedger.Ledger;

/// <summary>
/// Records in sequence order with what is derived from them: lookups by sequence and request id, and
/// how each stands after corrections. The live ledger and its sealed archives read records the same way.
/// </summary>
public sealed class RecordBook
{
    private static readonly Dictionary<long, Corrections.State> Uncorrected = [];

    private readonly List<LedgerRecord> _records;
    private readonly Dictionary<string, LedgerRecord> _byRequestId = new(StringComparer.Ordinal);

    // Only records some correction targets have a state (a ledger without corrections holds none):
    // every other record stands as written. Lookups by sequence search the ordered list.
    private Dictionary<long, Corrections.State> _states = Uncorrected;

    // The corrections and reviews of each record they target, in ledger order: a record's history,
    // the entries the correction rules judge and its review steps, without scanning the ledger.
    private readonly Dictionary<long, List<LedgerRecord>> _targeting = [];

    // Records some review targets; every other record is waiting for review.
    private readonly HashSet<long> _reviewed = [];

    /// <summary>Indexes <paramref name="records"/> (kept by reference: the book reads the caller's list).</summary>
    public RecordBook(List<LedgerRecord> records)
    {
        _records = records;
        Reindex();
    }

    /// <summary>The records, in sequence order.</summary>
    public IReadOnlyList<LedgerRecord> Records => _records;

    /// <summary>
    /// What the correction rules need to judge a correction of <paramref name="target"/>: the target's
    /// entry and every correction of it (empty when the book has no such record).
    /// </summary>
    public IReadOnlyDictionary<long, Corrections.Entry> EntriesFor(long target)
    {
        var entries = new Dictionary<long, Corrections.Entry>();
        if (BySequence(target) is { } record)
        {
            entries[target] = EntryOf(record);
            foreach (var correction in EntriesAbout(target).Where(r => r.Body is CorrectionDetails))
            {
                entries[correction.Sequence] = EntryOf(correction);
            }
        }

        return entries;
    }

    private static Corrections.Entry EntryOf(LedgerRecord record)
    {
        var correction = record.Body as CorrectionDetails;
        return new Corrections.Entry(record.Sequence, correction?.TargetSequence, correction is { Replacement: null }, record.Body.Family);
    }

    /// <summary>A book over records from several places, each sequence once (the first one given wins).</summary>
    public static RecordBook Union(IEnumerable<LedgerRecord> records)
    {
        var seen = new HashSet<long>();
        return new RecordBook([.. records.Where(r => seen.Add(r.Sequence)).OrderBy(r => r.Sequence)]);
    }

    /// <summary>The record with that sequence, if the book holds it.</summary>
    public LedgerRecord? BySequence(long sequence)
    {
        var i = FirstAfter(sequence - 1);
        return i < _records.Count && _records[i].Sequence == sequence ? _records[i] : null;
    }

    /// <summary>The record created under that request id, if the book holds it.</summary>
    public LedgerRecord? ByRequestId(string requestId) => _byRequestId.GetValueOrDefault(requestId);

    /// <summary>Must be called after records were taken out of the list (or it changed otherwise than by appending).</summary>
    public void Reindex()
    {
        _byRequestId.Clear();
        _byRequestId.EnsureCapacity(_records.Count);
        _states = Uncorrected;
        _targeting.Clear();
        _reviewed.Clear();
        foreach (var record in _records)
        {
            Index(record);
        }
    }

    /// <summary>
    /// Must be called for each record appended to the list (after every record it holds), in order:
    /// O(1) for most records, O(log n) for a correction, instead of <see cref="Reindex"/>'s O(n).
    /// </summary>
    public void Appended(LedgerRecord record) => Index(record);

    // One record into the indexes, in ledger order. A correction changes its target's state only when
    // the target came before it and is no correction itself: what projecting the targets and their
    // corrections in ledger order (Corrections.Project) gives each target.
    private void Index(LedgerRecord record)
    {
        _byRequestId[record.RequestId] = record;
        if (record.Body is not ITargetsRecord targets)
        {
            return;
        }

        var of = targets.TargetSequence;
        if (!_targeting.TryGetValue(of, out var entries))
        {
            _targeting[of] = entries = [];
        }

        entries.Add(record);
        if (record.Body is ReviewDetails)
        {
            _reviewed.Add(of);
        }

        if (record.Body is CorrectionDetails correction && of < record.Sequence && BySequence(of) is { Body: not CorrectionDetails })
        {
            if (ReferenceEquals(_states, Uncorrected))
            {
                _states = [];
            }

            var state = _states.TryGetValue(of, out var known) ? known : new Corrections.State(false, of);
            if (!state.Voided)
            {
                _states[of] = correction.Replacement is null ? state with { Voided = true } : state with { Current = record.Sequence };
            }
        }
    }

    private static Reviews.Step StepOf(LedgerRecord record) => record.Body switch
    {
        ReviewDetails r => Reviews.Step.Review(record.Sequence, r.Verdict, r.Reason, record.RecordedBy, record.RecordedAt),
        _ => Reviews.Step.Correction(record.Sequence, record.RecordedBy, record.RecordedAt),
    };

    /// <summary>
    /// The originals as they now read, void ones, corrections and reviews left out: what compliance,
    /// scores, reports and workflows count (a review never changes a figure).
    /// </summary>
    public IEnumerable<RecordView> Current() =>
        _records.Select(ViewOf).Where(v => v.Record.Body is not ITargetsRecord && v.Status != RecordStatus.Voided);

    /// <summary>The review state of a record (waiting when nothing reviewed it).</summary>
    public Reviews.Standing ReviewOf(long sequence) =>
        _reviewed.Contains(sequence) ? Reviews.Of(_targeting[sequence].Select(StepOf)) : Reviews.Standing.Waiting;

    /// <summary>
    /// A page of the review queue after <see cref="ReviewQueueQuery.AfterSequence"/>: originals as they
    /// now read with their review state; a void record only when its void answered a return (the office
    /// sees the answer), otherwise void records have nothing left to review.
    /// </summary>
    public ReviewQueuePage ReviewQueue(ReviewQueueQuery query, int maxPageSize)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, maxPageSize);
        var page = new List<ReviewedRecord>(Math.Min(pageSize, _records.Count));
        long? next = null;
        for (var i = FirstAfter(query.AfterSequence); i < _records.Count; i++)
        {
            var record = _records[i];
            if (record.Body is ITargetsRecord)
            {
                continue;
            }

            var view = ViewOf(record);
            var review = ReviewOf(record.Sequence);
            if ((view.Status == RecordStatus.Voided && review.State != ReviewState.Answered)
                || (query.Year is { } year && YearOf(view) != year)
                || !Reviews.Matches(query.Filter, review.State))
            {
                continue;
            }

            if (page.Count == pageSize)
            {
                next = page[^1].Record.Record.Sequence;
                break;
            }

            page.Add(new ReviewedRecord(view, ReviewStanding.Of(review)));
        }

        return new ReviewQueuePage(page, next);
    }

    /// <summary>How a record stands after corrections.</summary>
    public RecordView ViewOf(LedgerRecord record)
    {
        if (!_states.TryGetValue(record.Sequence, out var state))
        {
            return new RecordView(record, record.Body, RecordStatus.Active);
        }

        if (state.Voided)
        {
            return new RecordView(record, record.Body, RecordStatus.Voided);
        }

        return state.Current == record.Sequence
            ? new RecordView(record, record.Body, RecordStatus.Active)
            : new RecordView(record, ((CorrectionDetails)BySequence(state.Current)!.Body).Replacement!, RecordStatus.Amended);
    }

    /// <summary>One record with every correction and review of it (with its review state), or null.</summary>
    public RecordHistory? History(long sequence) =>
        BySequence(sequence) is { } record
            ? new RecordHistory(ViewOf(record), [.. EntriesAbout(sequence)])
            {
                Review = record.Body is ITargetsRecord ? null : ReviewStanding.Of(ReviewOf(sequence)),
            }
            : null;

    private IReadOnlyList<LedgerRecord> EntriesAbout(long sequence) =>
        _targeting.TryGetValue(sequence, out var entries) ? entries : [];

    /// <summary>A page after <see cref="RecordQuery.AfterSequence"/>: the current view or, on request, the history.</summary>
    public RecordPage List(RecordQuery query, int maxPageSize)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, maxPageSize);
        var page = new List<RecordView>(Math.Min(pageSize, _records.Count));
        long? next = null;
        for (var i = FirstAfter(query.AfterSequence); i < _records.Count; i++)
        {
            if (Matches(_records[i], query) is not { } view)
            {
                continue;
            }

            if (page.Count == pageSize)
            {
                next = page[^1].Record.Sequence;
                break;
            }

            page.Add(view);
        }

        return new RecordPage(page, next);
    }

    private int FirstAfter(long sequence)
    {
        int low = 0, high = _records.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_records[mid].Sequence <= sequence)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    // The current view shows originals that are not void, as they now read; the history shows every entry.
    private RecordView? Matches(LedgerRecord record, RecordQuery query)
    {
        var view = ViewOf(record);
        if (!query.IncludeHistory && (record.Body is ITargetsRecord || view.Status == RecordStatus.Voided))
        {
            return null;
        }

        if (query.Year is { } year && YearOf(view) != year)
        {
            return null;
        }

        return query.Family.Length == 0 || view.Current.Family == query.Family ? view : null;
    }

    /// <summary>
    /// The calendar year a record belongs to: its current date; a correction or review belongs with its
    /// target, when the book holds it.
    /// </summary>
    public int YearOf(RecordView view) =>
        view.Record.Body is ITargetsRecord c && BySequence(c.TargetSequence) is { } target
            ? ViewOf(target).Current.Date.Year
            : view.Current.Date.Year;
}
