using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using Microsoft.Extensions.Logging;

namespace BranchLedger.Grains.Ledger;

/// <summary>A branch's ledger: validates, appends, persists, and answers retries from what it holds.</summary>
public sealed class BranchGrain(
    [PersistentState(stateName: BranchGrain.StateName, storageName: StorageNames.Ledger)]
    IPersistentState<BranchLedgerState> ledger,
    TimeProvider clock,
    ILogger<BranchGrain> logger) : Grain, IBranchGrain
{
    /// <summary>The state name (ADO.NET storage keys rows by state name, so it is unique per grain class).</summary>
    public const string StateName = "branch-ledger";

    private const int MaxPageSize = 500;

    private readonly Dictionary<string, LedgerRecord> _byRequestId = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var record in ledger.State.Records)
        {
            _byRequestId[record.RequestId] = record;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<RecordWriteResult> RecordMeeting(RecordMeetingCommand command)
    {
        CommandChecks.ThrowIfInvalid(CommandChecks.Check(command, clock));
        if (_byRequestId.TryGetValue(command.RequestId, out var existing))
        {
            return existing.Body == command.Meeting && existing.RecordedBy == command.RecordedBy
                ? new RecordWriteResult(existing, Replayed: true)
                : throw new RequestIdConflictException(command.RequestId);
        }

        var record = new LedgerRecord
        {
            Sequence = ledger.State.Records.Count + 1L,
            RequestId = command.RequestId,
            RecordedBy = command.RecordedBy,
            RecordedAt = clock.GetUtcNow(),
            Body = command.Meeting,
        };
        await AppendAsync(record);
        return new RecordWriteResult(record, Replayed: false);
    }

    /// <inheritdoc />
    public Task<RecordPage> ListRecords(long afterSequence, int pageSize)
    {
        var records = ledger.State.Records;
        var start = (int)Math.Clamp(afterSequence, 0, records.Count);
        var take = Math.Clamp(pageSize, 1, MaxPageSize);
        var page = records.GetRange(start, Math.Min(take, records.Count - start));
        long? next = start + page.Count < records.Count ? start + page.Count : null;
        return Task.FromResult(new RecordPage(page, next));
    }

    // Acknowledged only once the row is durable; on failure the in-memory ledger is put back as it was.
    private async Task AppendAsync(LedgerRecord record)
    {
        ledger.State.Records.Add(record);
        try
        {
            await ledger.WriteStateAsync();
        }
        catch (Exception ex)
        {
            ledger.State.Records.RemoveAt(ledger.State.Records.Count - 1);
            logger.LogError(ex, "Ledger write failed for {Grain}", this.GetPrimaryKeyString());

            // The stored ETag may now be ahead of ours (write applied, answer lost): reload so the
            // next attempt sees the truth instead of failing on a version conflict forever.
            DeactivateOnIdle();
            throw new StorageUnavailableException("The ledger could not be saved; nothing was recorded. Retry with the same request id.");
        }

        _byRequestId[record.RequestId] = record;
    }
}
