using BranchLedger.Contracts;
using BranchLedger.Contracts.Audit;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Grains.Ledger.Journal;
using BranchLedger.Ledger;
using Microsoft.Extensions.Logging;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Grains.Ledger;

/// <summary>
/// Where a ledger is durable, for its grain: the journal holds every record and seal; the grain's
/// persisted state is a snapshot of what it keeps in memory (live records, sealed-year indexes,
/// seals), written now and then so an activation reads the snapshot plus the journal's tail instead
/// of the whole history. Losing or skipping a snapshot costs a longer tail, never a record.
/// </summary>
internal sealed partial class LedgerStore(
    IPersistentState<LedgerState> snapshot, ILedgerJournal journal, IGrainFactory grains, ILogger logger, string ledgerKey)
{
    // Appends between snapshots, at least: the tail an activation reads stays short, and a snapshot (a
    // whole state write) is paid once per this many writes instead of on every one.
    internal const int SnapshotEvery = 200;

    // ...and at least 1/SnapshotLiveDivisor of the live records: a snapshot costs O(live records), so
    // spacing them by a share of the ledger keeps its cost per write constant as the ledger grows.
    internal const int SnapshotLiveDivisor = 2;

    private int _appendsSinceSnapshot;

    private LedgerState State => snapshot.State;

    private List<LedgerRecord> Records => State.Records;

    // Sequences are never reused, also after the records that held them were sealed away.
    private long LastSequence => Math.Max(State.LastSequence, Records.Count == 0 ? 0 : Records[^1].Sequence);

    /// <summary>
    /// The records read from the journal beyond the snapshot at activation. A snapshot is written only
    /// after a push (and on deactivation after pushing what was pending), so these are the records whose
    /// scores an earlier activation may not have pushed (it crashed, or its snapshot was lost).
    /// </summary>
    public IReadOnlyList<LedgerRecord> TailAtLoad { get; private set; } = [];

    /// <summary>Lets go of <see cref="TailAtLoad"/> once its periods are marked for a push.</summary>
    public void ForgetTailAtLoad() => TailAtLoad = [];

    /// <summary>Snapshot + journal tail + any seal the snapshot missed: the aggregate as it was before the grain went away.</summary>
    public async Task<LedgerAggregate> LoadAsync(string nodeId, LedgerNode? node, CancellationToken cancellationToken)
    {
        var tail = await journal.ReadAfterAsync(ledgerKey, LastSequence, cancellationToken);
        TailAtLoad = tail;
        Records.AddRange(tail);
        State.LastSequence = LastSequence;
        _appendsSinceSnapshot = tail.Count;
        LeanRecords.Compact(Records);
        var ledger = new LedgerAggregate(nodeId, Records, State.LastSequence, ClosedBooks(), node);

        var known = State.Seals.Select(s => s.RequestId).ToHashSet(StringComparer.Ordinal);
        foreach (var seal in (await journal.ReadSealsAsync(ledgerKey, cancellationToken)).Where(s => !known.Contains(s.RequestId)))
        {
            // Sealed, but the snapshot written after it was lost: seal again in memory. Records dated
            // after the seal cannot change what it moves (nothing is dated or corrected in a sealed year).
            ledger = ApplySeal(seal, SealPlan.Through(seal.Result!.Year, ledger.Book, ledger.Workflows), ledger);
            _appendsSinceSnapshot++;
        }

        return ledger;
    }

    /// <summary>
    /// Makes <paramref name="records"/> durable with the write's audit row, in one transaction; the
    /// memory is put back as it was when that fails (the exception is the journal's).
    /// </summary>
    public async Task AppendAsync(IReadOnlyList<LedgerRecord> records, AuditEntry? audit)
    {
        var lastBefore = State.LastSequence;
        Records.AddRange(records);
        State.LastSequence = LastSequence;
        try
        {
            await journal.AppendAsync(ledgerKey, records, audit);
        }
        catch
        {
            Records.RemoveRange(Records.Count - records.Count, records.Count);
            State.LastSequence = lastBefore;
            throw;
        }
    }

    /// <summary>Rows another activation (or a lost answer) put in the journal that this one has not seen, now taken in.</summary>
    public async Task<IReadOnlyList<LedgerRecord>> ReloadTailAsync()
    {
        var tail = await journal.ReadAfterAsync(ledgerKey, LastSequence);
        Records.AddRange(tail);
        State.LastSequence = LastSequence;
        return tail;
    }

    /// <summary>Counts appends made durable since the last snapshot.</summary>
    public void Appended(int records) => _appendsSinceSnapshot += records;

    /// <summary>Writes a snapshot once enough appends have gathered since the last one (called after their scores were pushed).</summary>
    public async Task SnapshotNowAndThenAsync()
    {
        if (_appendsSinceSnapshot >= Math.Max(SnapshotEvery, Records.Count / SnapshotLiveDivisor))
        {
            await WriteSnapshotAsync();
        }
    }

    /// <summary>Writes a snapshot when anything happened since the last one (on deactivation).</summary>
    public Task SnapshotIfChangedAsync() => _appendsSinceSnapshot > 0 ? WriteSnapshotAsync() : Task.CompletedTask;

    private async Task WriteSnapshotAsync()
    {
        try
        {
            await snapshot.WriteStateAsync();
            _appendsSinceSnapshot = 0;
        }
        catch (Exception ex)
        {
            // Never needed for durability: the journal has every record, and the next activation reads
            // a longer tail. A stale ETag (another activation wrote one) is settled by the next activation.
            logger.LogWarning(ex, "Ledger snapshot not written for {Grain}", ledgerKey);
        }
    }
}
