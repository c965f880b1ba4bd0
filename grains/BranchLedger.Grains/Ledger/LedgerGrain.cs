using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;
using Microsoft.Extensions.Logging;

namespace BranchLedger.Grains.Ledger;

/// <summary>A node's ledger: validates, appends, persists, and answers retries from what it holds.</summary>
public sealed class LedgerGrain(
    [PersistentState(stateName: LedgerGrain.StateName, storageName: StorageNames.Ledger)]
    IPersistentState<LedgerState> ledger,
    TimeProvider clock,
    ILogger<LedgerGrain> logger) : Grain, ILedgerGrain
{
    /// <summary>The state name (ADO.NET storage keys rows by state name, so it is unique per grain class).</summary>
    public const string StateName = "ledger";

    private const int MaxPageSize = 500;

    private readonly Dictionary<string, LedgerRecord> _byRequestId = new(StringComparer.Ordinal);
    private readonly Dictionary<long, Corrections.Entry> _entries = [];
    private Dictionary<long, Corrections.State> _states = [];

    private List<LedgerRecord> Records => ledger.State.Records;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var record in Records)
        {
            Index(record);
        }

        _states = Corrections.Project(_entries.Values);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<RecordWriteResult> Append(AppendCommand command)
    {
        CommandChecks.ThrowIfInvalid(CommandChecks.Check(command, Today()));
        if (_byRequestId.TryGetValue(command.RequestId, out var existing))
        {
            return command.SameContentAs(existing)
                ? new RecordWriteResult(existing, Replayed: true)
                : throw new RequestIdConflictException(command.RequestId);
        }

        if (command.Body is CorrectionDetails correction)
        {
            var refusal = Corrections.Refusal(
                _entries, correction.TargetSequence, correction.Replacement is null, correction.Replacement?.Family ?? "");
            var id = LedgerRecord.IdOf(correction.TargetSequence);
            if (refusal is not null)
            {
                throw _entries.ContainsKey(correction.TargetSequence)
                    ? new CorrectionRefusedException(id, refusal)
                    : new RecordNotFoundException(id);
            }
        }

        var record = new LedgerRecord
        {
            Sequence = Records.Count + 1L,
            RequestId = command.RequestId,
            RecordedBy = command.RecordedBy,
            RecordedAt = clock.GetUtcNow(),
            Body = command.Body,
            Evidence = command.Evidence,
        };
        await AppendAsync(record);
        return new RecordWriteResult(record, Replayed: false);
    }

    /// <inheritdoc />
    public Task<RecordPage> ListRecords(RecordQuery query)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = new List<RecordView>(Math.Min(pageSize, Records.Count));
        long? next = null;
        for (var i = (int)Math.Clamp(query.AfterSequence, 0, Records.Count); i < Records.Count; i++)
        {
            if (View(Records[i], query) is not { } view)
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

        return Task.FromResult(new RecordPage(page, next));
    }

    /// <inheritdoc />
    public Task<RecordHistory?> GetRecord(long sequence)
    {
        if (sequence < 1 || sequence > Records.Count)
        {
            return Task.FromResult<RecordHistory?>(null);
        }

        var record = Records[(int)sequence - 1];
        var corrections = Records.Where(r => r.Body is CorrectionDetails c && c.TargetSequence == sequence).ToList();
        return Task.FromResult<RecordHistory?>(new RecordHistory(ViewOf(record), corrections));
    }

    // The current view shows originals that are not void, as they now read; the history shows every entry.
    private RecordView? View(LedgerRecord record, RecordQuery query)
    {
        var view = ViewOf(record);
        if (!query.IncludeHistory && (record.Body is CorrectionDetails || view.Status == RecordStatus.Voided))
        {
            return null;
        }

        return query.Family.Length == 0 || view.Current.Family == query.Family ? view : null;
    }

    private RecordView ViewOf(LedgerRecord record)
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
            : new RecordView(record, ((CorrectionDetails)Records[(int)state.Current - 1].Body).Replacement!, RecordStatus.Amended);
    }

    // Acknowledged only once the row is durable; on failure the in-memory ledger is put back as it was.
    private async Task AppendAsync(LedgerRecord record)
    {
        Records.Add(record);
        try
        {
            await ledger.WriteStateAsync();
        }
        catch (Exception ex)
        {
            Records.RemoveAt(Records.Count - 1);
            logger.LogError(ex, "Ledger write failed for {Grain}", this.GetPrimaryKeyString());

            // The stored ETag may now be ahead of ours (write applied, answer lost): reload so the
            // next attempt sees the truth instead of failing on a version conflict forever.
            DeactivateOnIdle();
            throw new StorageUnavailableException("The ledger could not be saved; nothing was recorded. Retry with the same request id.");
        }

        Index(record);
        _states = Corrections.Project(_entries.Values);
    }

    private void Index(LedgerRecord record)
    {
        _byRequestId[record.RequestId] = record;
        var correction = record.Body as CorrectionDetails;
        _entries[record.Sequence] = new Corrections.Entry(
            record.Sequence, correction?.TargetSequence, correction is { Replacement: null }, record.Body.Family);
    }

    // Until tenants carry a time zone, the calendar day is taken in UTC+8 (the platform's default, Asia/Shanghai).
    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
}
