using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Grains.Ledger.Journal;
using BranchLedger.Ledger;
using Microsoft.Extensions.Logging;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Grains.Ledger;

// The journal is where records are durable; the grain's persisted state is a snapshot of what it
// keeps in memory (live records, sealed-year indexes, seals), written now and then so an activation
// reads the snapshot plus the journal's tail instead of the whole history. Losing or skipping a
// snapshot costs a longer tail at the next activation, never a record.
public sealed partial class LedgerGrain
{
    // Appends between snapshots, at least: the tail an activation reads stays short, and a snapshot (a
    // whole state write) is paid once per this many writes instead of on every one.
    internal const int SnapshotEvery = 200;

    // ...and at least 1/SnapshotLiveDivisor of the live records: a snapshot costs O(live records), so spacing them
    // by a share of the ledger keeps its cost per write constant as the ledger grows (a fixed 200 would
    // make it grow), while the tail an activation reads stays a fraction of what the snapshot holds.
    internal const int SnapshotLiveDivisor = 2;

    private int _appendsSinceSnapshot;

    private string JournalKey => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_appendsSinceSnapshot > 0)
        {
            await WriteSnapshotAsync();
        }
    }

    // Snapshot + journal tail + any seal the snapshot missed: what the grain held before it went away.
    private async Task LoadFromJournalAsync(LedgerNode? node, CancellationToken cancellationToken)
    {
        var tail = await journal.ReadAfterAsync(JournalKey, LastSequence, cancellationToken);
        Records.AddRange(tail);
        ledger.State.LastSequence = LastSequence;
        _appendsSinceSnapshot = tail.Count;
        LeanRecords.Compact(Records);
        _ledger = new LedgerAggregate(NodeId, Records, ledger.State.LastSequence, SealedBooks(), node);

        var known = ledger.State.Seals.Select(s => s.RequestId).ToHashSet(StringComparer.Ordinal);
        foreach (var seal in (await journal.ReadSealsAsync(JournalKey, cancellationToken)).Where(s => !known.Contains(s.RequestId)))
        {
            // Sealed, but the snapshot written after it was lost: seal again in memory. Records dated
            // after the seal cannot change what it moves (nothing is dated or corrected in a sealed year).
            ApplySeal(seal, SealPlan.Through(seal.Result!.Year, _ledger.Book, _ledger.Workflows));
            _appendsSinceSnapshot++;
        }
    }

    // Another activation (or a lost answer) put rows in the journal that this one has not seen:
    // take them in, so deciding again answers from them (a replay) instead of counting twice.
    private async Task ReloadTailAsync()
    {
        var tail = await journal.ReadAfterAsync(JournalKey, LastSequence);
        Records.AddRange(tail);
        ledger.State.LastSequence = LastSequence;
        _ledger.Apply(tail);
    }

    // A write refused by the journal's uniqueness is decided again once, against the reloaded tail.
    private static async Task<T> DecidingAgainOnce<T>(Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (LedgerReloadedException)
        {
            try
            {
                return await write();
            }
            catch (LedgerReloadedException)
            {
                throw new StorageUnavailableException("The ledger is being written elsewhere; nothing was recorded. Retry with the same request id.");
            }
        }
    }

    private async Task SnapshotNowAndThenAsync(int appended)
    {
        _appendsSinceSnapshot += appended;
        if (_appendsSinceSnapshot >= Math.Max(SnapshotEvery, Records.Count / SnapshotLiveDivisor))
        {
            await WriteSnapshotAsync();
        }
    }

    private async Task WriteSnapshotAsync()
    {
        try
        {
            await ledger.WriteStateAsync();
            _appendsSinceSnapshot = 0;
        }
        catch (Exception ex)
        {
            // Never needed for durability: the journal has every record, and the next activation reads
            // a longer tail. A stale ETag (another activation wrote one) is settled by the next activation.
            logger.LogWarning(ex, "Ledger snapshot not written for {Grain}", JournalKey);
        }
    }

    // Rows the journal must hold before a seal drops them from the snapshot: ledgers written before the
    // journal existed (and not yet migrated) have their records only in the snapshot.
    private async Task EnsureJournaledAsync(IReadOnlyCollection<LedgerRecord> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        var held = (await journal.ReadSequencesAsync(JournalKey, records.Select(r => r.Sequence).ToList())).Select(r => r.Sequence).ToHashSet();
        var missing = records.Where(r => !held.Contains(r.Sequence)).OrderBy(r => r.Sequence).ToList();
        if (missing.Count > 0)
        {
            await journal.AppendAsync(JournalKey, missing, null);
        }
    }

    // A sealed year's records: from the journal; a ledger sealed before the journal existed (and not yet
    // migrated) still has them in its year's archive grain.
    private async Task<IReadOnlyList<LedgerRecord>> SealedYearRecordsAsync(int year)
    {
        var sequences = ledger.State.Sealed.Find(s => s.Year == year)?.Sequences ?? [];
        var records = await journal.ReadSequencesAsync(JournalKey, sequences);
        if (records.Count >= sequences.Count)
        {
            return records;
        }

        var held = records.Select(r => r.Sequence).ToHashSet();
        var archived = await Archive(year).Records();
        return [.. records.Concat(archived.Where(r => !held.Contains(r.Sequence))).OrderBy(r => r.Sequence)];
    }
}

/// <summary>The journal held rows this activation had not seen; they are loaded now, so decide again.</summary>
internal sealed class LedgerReloadedException() : Exception("The ledger journal held newer rows; reloaded.");
