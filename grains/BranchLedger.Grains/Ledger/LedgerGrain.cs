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
    private Workflows _workflows = new();

    private List<LedgerRecord> Records => ledger.State.Records;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var record in Records)
        {
            Index(record);
        }

        Refresh();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<RecordWriteResult> Append(AppendCommand command)
    {
        var (record, replayed) = Decide(command, Records.Count + 1L, _byRequestId.GetValueOrDefault);
        if (!replayed)
        {
            await AppendAsync([record]);
        }

        return new RecordWriteResult(record, replayed);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ImportResult>> AppendBatch(IReadOnlyList<AppendCommand> commands)
    {
        var pending = new Dictionary<string, LedgerRecord>(StringComparer.Ordinal);
        var results = new List<ImportResult>(commands.Count);
        foreach (var command in commands)
        {
            results.Add(Import(command, pending));
        }

        if (pending.Count > 0)
        {
            await AppendAsync([.. pending.Values.OrderBy(r => r.Sequence)]);
        }

        return results;
    }

    private ImportResult Import(AppendCommand command, Dictionary<string, LedgerRecord> pending)
    {
        try
        {
            if (command.Body is CorrectionDetails)
            {
                return Rejected(new FieldError("body", "corrections are made one at a time with VoidRecord or AmendRecord"));
            }

            var (record, replayed) = Decide(
                command, Records.Count + pending.Count + 1L, id => _byRequestId.GetValueOrDefault(id) ?? pending.GetValueOrDefault(id));
            if (replayed)
            {
                return new ImportResult(ImportOutcome.Duplicate, record, []);
            }

            pending[record.RequestId] = record;
            _workflows.Apply(record.Sequence, record.Body);
            return new ImportResult(ImportOutcome.Accepted, record, []);
        }
        catch (InvalidCommandException invalid)
        {
            return new ImportResult(ImportOutcome.Rejected, null, invalid.Errors);
        }
        catch (RequestIdConflictException conflict)
        {
            return Rejected(new FieldError("request_id", conflict.Message));
        }
        catch (NotFoundException missing)
        {
            return Rejected(new FieldError("body", missing.Message));
        }
        catch (PreconditionFailedException refused)
        {
            return Rejected(new FieldError(refused.Subject, refused.Message));
        }

        static ImportResult Rejected(FieldError error) => new(ImportOutcome.Rejected, null, [error]);
    }

    // The record a command stands for: an earlier one under the same request id (a replay), or a new
    // one at nextSequence. Throws when the command is refused; nothing is changed either way.
    private (LedgerRecord Record, bool Replayed) Decide(AppendCommand command, long nextSequence, Func<string, LedgerRecord?> known)
    {
        CommandChecks.ThrowIfInvalid(CommandChecks.Check(command, Today()));
        if (known(command.RequestId) is { } existing)
        {
            return command.SameContentAs(existing) ? (existing, true) : throw new RequestIdConflictException(command.RequestId);
        }

        if (command.Body is CorrectionDetails correction)
        {
            var refusal = Corrections.Refusal(
                _entries, correction.TargetSequence, correction.Replacement is null, correction.Replacement?.Family ?? "");
            var id = LedgerRecord.IdOf(correction.TargetSequence);
            if (refusal is not null)
            {
                throw _entries.ContainsKey(correction.TargetSequence)
                    ? new PreconditionFailedException("CORRECTION_REFUSED", "record_id", $"Record '{id}' cannot be corrected: {refusal}.")
                    : LedgerRecord.NotFound(id);
            }
        }

        CheckWorkflow(command.Body);
        return (new LedgerRecord
        {
            Sequence = nextSequence,
            RequestId = command.RequestId,
            RecordedBy = command.RecordedBy,
            RecordedAt = clock.GetUtcNow(),
            Body = command.Body,
            Evidence = command.Evidence,
        }, false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DutyItemView>> ListDutyItems() => Task.FromResult(_workflows.Duties);

    /// <inheritdoc />
    public Task<IReadOnlyList<FindingView>> ListFindings() => Task.FromResult(_workflows.Findings);

    // Duty items and findings move only as their workflows allow; an unknown id is NOT_FOUND.
    private void CheckWorkflow(RecordBody body)
    {
        switch (body)
        {
            case IDutyStep duty when DutyWorkflow.Refusal(_workflows.DutyStatuses, duty.Step) is { } refusal:
                throw duty.Step.To is not null && !_workflows.DutyStatuses.ContainsKey(duty.Step.DutyId)
                    ? new NotFoundException("branchledger.v1.DutyItem", duty.Step.DutyId, $"No duty item '{duty.Step.DutyId}' in this ledger.")
                    : new PreconditionFailedException("DUTY_ITEM_STEP_REFUSED", "duty_id", $"Duty item '{duty.Step.DutyId}': {refusal}.");
            case IFindingStep finding when FindingWorkflow.Refusal(_workflows.FindingsClosed, finding.Step) is { } refusal:
                throw finding.Step.Action != FindingWorkflow.FindingAction.Raise && !_workflows.FindingsClosed.ContainsKey(finding.Step.FindingId)
                    ? new NotFoundException("branchledger.v1.Finding", finding.Step.FindingId, $"No finding '{finding.Step.FindingId}' in this ledger.")
                    : new PreconditionFailedException("FINDING_STEP_REFUSED", "finding_id", $"Finding '{finding.Step.FindingId}': {refusal}.");
        }
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
    private async Task AppendAsync(IReadOnlyList<LedgerRecord> records)
    {
        Records.AddRange(records);
        try
        {
            await ledger.WriteStateAsync();
        }
        catch (Exception ex)
        {
            Records.RemoveRange(Records.Count - records.Count, records.Count);
            Refresh();
            logger.LogError(ex, "Ledger write failed for {Grain}", this.GetPrimaryKeyString());

            // The stored ETag may now be ahead of ours (write applied, answer lost): reload so the
            // next attempt sees the truth instead of failing on a version conflict forever.
            DeactivateOnIdle();
            throw new StorageUnavailableException("The ledger could not be saved; nothing was recorded. Retry with the same request id.");
        }

        foreach (var record in records)
        {
            Index(record);
        }

        Refresh();
    }

    // Rebuilds what is derived from the records: correction states, then the duty list and findings
    // from the current view. O(n) per write, which the bounded size of a ledger keeps cheap.
    private void Refresh()
    {
        _states = Corrections.Project(_entries.Values);
        _workflows = new Workflows();
        foreach (var record in Records)
        {
            var view = ViewOf(record);
            if (record.Body is not CorrectionDetails && view.Status != RecordStatus.Voided)
            {
                _workflows.Apply(record.Sequence, view.Current);
            }
        }
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
