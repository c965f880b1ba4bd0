using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Ledger;
using Microsoft.Extensions.Logging;

namespace BranchLedger.Grains.Ledger;

// Sealing: closed books, decided by the aggregate, committed as a journal row by the store.
public sealed partial class LedgerGrain
{
    /// <inheritdoc />
    public async Task<SealResult> SealYear(SealCommand command)
    {
        var (replay, plan) = _ledger.DecideSeal(command, Today(), Store.SealAnswered(command.RequestId));
        return replay ?? await CommitSeal(command, plan!);
    }

    // The seal is durable once its journal row is; the snapshot written after it only spares the
    // next activation from sealing again in memory.
    private async Task<SealResult> CommitSeal(SealCommand command, SealPlan plan)
    {
        var seal = new SealEvent { RequestId = command.RequestId, RequestedBy = command.RequestedBy, At = clock.GetUtcNow(), Result = Store.Answer(command.Year, plan) };
        bool committed;
        try
        {
            committed = await Store.CommitSealAsync(seal, plan);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Ledger write failed while sealing {Grain}", this.GetPrimaryKeyString());
            DeactivateOnIdle();
            throw new StorageUnavailableException("The ledger could not be saved; nothing was sealed. Retry with the same request id.");
        }

        if (!committed)
        {
            // Sealed by another activation under this request id: this one's memory is behind.
            DeactivateOnIdle();
            throw new StorageUnavailableException("The ledger was sealed elsewhere; retry with the same request id.");
        }

        // The seal's snapshot must not hide a record whose score is still waiting for its push.
        await FlushScoresAsync();
        _ledger = await Store.ApplySealAndSnapshotAsync(seal, plan, _ledger);

        // The live book lost the sealed records: the stored score inputs must say so (their year is then
        // scored by the ledger, which merges the archive in); scores themselves do not change.
        ScoreEveryPeriodLater();
        return seal.Result;
    }
}
