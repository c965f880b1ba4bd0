using BranchLedger.Contracts.Audit;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Telemetry;
using BranchLedger.Grains.Ledger.Journal;
using Microsoft.Extensions.Logging;

namespace BranchLedger.Grains.Ledger;

// Persisting what the aggregate decided (LedgerStore does the storage; this maps its failures to answers).
public sealed partial class LedgerGrain
{
    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushScoresAsync();
        if (_store is not null)
        {
            await _store.SnapshotIfChangedAsync();
        }
    }

    // Acknowledged only once the rows are in the journal (one transaction with the audit row,
    // O(record)). PostgreSQL refuses a request id twice per ledger, so a retry that reaches another
    // activation, or this one after a lost answer, never counts twice.
    private async Task AppendAsync(IReadOnlyList<LedgerRecord> records, AuditEntry? audit = null)
    {
        try
        {
            await Store.AppendAsync(records, audit);
            BranchLedgerMetrics.CountRecordsWritten(records.Select(r => r.Body.Family));
        }
        catch (JournalConflictException)
        {
            // Nothing of this write was kept; the journal is ahead of this activation. Load what it
            // holds and let the caller decide again: a retried request id is then a replay.
            _ledger.Apply(await Store.ReloadTailAsync());
            throw new LedgerReloadedException();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Ledger write failed for {Grain}", this.GetPrimaryKeyString());

            // The rows may have been committed with the answer lost: reload so the next attempt
            // answers from the journal (a replay) instead of deciding from a stale memory.
            DeactivateOnIdle();
            throw new StorageUnavailableException("The ledger could not be saved; nothing was recorded. Retry with the same request id.");
        }

        // The aggregate takes in only what is durable, so a failed write leaves it as it was.
        _ledger.Apply(records);
        Store.Appended(records.Count); // the snapshot waits for their push (ScoreNowAsync)
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
}

/// <summary>The journal held rows this activation had not seen; they are loaded now, so decide again.</summary>
internal sealed class LedgerReloadedException() : Exception("The ledger journal held newer rows; reloaded.");
