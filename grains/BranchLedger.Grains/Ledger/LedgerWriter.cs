using BranchLedger.Contracts.Audit;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Telemetry;
using BranchLedger.Grains.Ledger.Journal;
using BranchLedger.Ledger;
using Microsoft.Extensions.Logging;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Grains.Ledger;

/// <summary>
/// Persists what a ledger's aggregate decided, through its <see cref="LedgerStore"/>, and turns the
/// storage's failures into answers: a write the journal refused is decided again once against what it
/// holds; a write that failed otherwise is "unavailable, retry with the same request id", and the
/// activation is let go (<paramref name="deactivate"/>) so the retry answers from the journal.
/// </summary>
internal sealed class LedgerWriter(LedgerStore store, ILogger logger, string ledgerKey, Action deactivate)
{
    /// <summary>Runs a decide-and-append; one refused by the journal's uniqueness is decided again once, against the reloaded tail.</summary>
    public static async Task<T> DecidingAgainOnce<T>(Func<Task<T>> write)
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

    /// <summary>
    /// Acknowledged only once the rows are in the journal (one transaction with the audit row,
    /// O(record)); then <paramref name="ledger"/> takes them in. PostgreSQL refuses a request id twice
    /// per ledger, so a retry that reaches another activation, or this one after a lost answer, never
    /// counts twice.
    /// </summary>
    public async Task AppendAsync(LedgerAggregate ledger, IReadOnlyList<LedgerRecord> records, AuditEntry? audit)
    {
        try
        {
            await store.AppendAsync(records, audit);
            BranchLedgerMetrics.CountRecordsWritten(records.Select(r => r.Body.Family));
        }
        catch (JournalConflictException)
        {
            // Nothing of this write was kept; the journal is ahead of this activation. Load what it
            // holds and let the caller decide again: a retried request id is then a replay.
            ledger.Apply(await store.ReloadTailAsync());
            throw new LedgerReloadedException();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Ledger write failed for {Grain}", ledgerKey);

            // The rows may have been committed with the answer lost: reload so the next attempt
            // answers from the journal (a replay) instead of deciding from a stale memory.
            deactivate();
            throw new StorageUnavailableException("The ledger could not be saved; nothing was recorded. Retry with the same request id.");
        }

        // The aggregate takes in only what is durable, so a failed write leaves it as it was.
        ledger.Apply(records);
        store.Appended(records.Count); // the snapshot waits for their push (ScoreSchedule)
    }

    /// <summary>
    /// Makes the seal <paramref name="plan"/> durable as a journal row and gives that row. The seal is
    /// durable once its row is; the snapshot written after it (by the caller, after pushing pending
    /// scores) only spares the next activation from sealing again in memory.
    /// </summary>
    public async Task<SealEvent> CommitSealAsync(SealCommand command, SealPlan plan, DateTimeOffset at)
    {
        var seal = new SealEvent { RequestId = command.RequestId, RequestedBy = command.RequestedBy, At = at, Result = store.Answer(command.Year, plan) };
        bool committed;
        try
        {
            committed = await store.CommitSealAsync(seal, plan);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Ledger write failed while sealing {Grain}", ledgerKey);
            deactivate();
            throw new StorageUnavailableException("The ledger could not be saved; nothing was sealed. Retry with the same request id.");
        }

        if (!committed)
        {
            // Sealed by another activation under this request id: this one's memory is behind.
            deactivate();
            throw new StorageUnavailableException("The ledger was sealed elsewhere; retry with the same request id.");
        }

        return seal;
    }
}

/// <summary>The journal held rows this activation had not seen; they are loaded now, so decide again.</summary>
internal sealed class LedgerReloadedException() : Exception("The ledger journal held newer rows; reloaded.");
