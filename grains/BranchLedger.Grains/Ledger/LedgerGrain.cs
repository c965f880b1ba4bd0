using BranchLedger.Contracts;
using BranchLedger.Contracts.Audit;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Telemetry;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Validation;
using BranchLedger.Grains.Ledger.Journal;
using Microsoft.Extensions.Logging;

namespace BranchLedger.Grains.Ledger;

/// <summary>A node's ledger: validates, appends, persists, and answers retries from what it holds.</summary>
public sealed partial class LedgerGrain(
    [PersistentState(stateName: LedgerGrain.StateName, storageName: StorageNames.Ledger)]
    IPersistentState<LedgerState> ledger,
    ILedgerJournal journal,
    TimeProvider clock,
    ILogger<LedgerGrain> logger) : Grain, ILedgerGrain, IRemindable
{
    /// <summary>The reminder that raises the node's warnings once a day, just after the tenant's midnight.</summary>
    public const string WarningsReminder = "daily-warnings";

    /// <summary>The state name (ADO.NET storage keys rows by state name, so it is unique per grain class).</summary>
    public const string StateName = "ledger";

    private const int MaxPageSize = 500;

    private RecordBook _book = new([]);
    private Workflows _workflows = new();
    private LedgerNode? _node;
    private string? _recordedBy;

    private List<LedgerRecord> Records => ledger.State.Records;

    // Sequences are never reused, also after the records that held them were sealed away.
    private long LastSequence => Math.Max(ledger.State.LastSequence, Records.Count == 0 ? 0 : Records[^1].Sequence);

    private string NodeId => GrainKeys.LocalIdOf(this.GetPrimaryKeyString());

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await LoadFromJournalAsync(cancellationToken);
        var tenant = GrainKeys.TenantOf(this.GetPrimaryKeyString());
        _node = await GrainFactory.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenant)).GetLedgerNode(NodeId);
        if (_node is { IsClosed: false })
        {
            await EnsureWarningsReminderAsync(cancellationToken);
        }
    }

    // Period ends fall on midnights of the tenant's calendar; five minutes later every period that
    // ended has closed, whatever the silo's own clock zone. A ledger that cannot register now still
    // serves its records and tries again on its next activation.
    private async Task EnsureWarningsReminderAsync(CancellationToken cancellationToken, bool reschedule = false)
    {
        try
        {
            if (reschedule || await this.GetReminder(WarningsReminder, cancellationToken) is null)
            {
                await this.RegisterOrUpdateReminder(
                    WarningsReminder, UntilNextTenantMidnight() + TimeSpan.FromMinutes(5), TimeSpan.FromDays(1), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not register the warnings reminder of {Grain}", this.GetPrimaryKeyString());
        }
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == WarningsReminder && _node is not null)
        {
            await RaiseWarnings();

            // A new day can turn a period from due to missed without any write: score yesterday's
            // periods and today's again, with the rubrics that serve now.
            _scoringWith = [];
            await PublishScoresAsync([Today().AddDays(-1)]);
        }
    }

    /// <inheritdoc />
    public async Task<NodeWarnings> RaiseWarnings()
    {
        var year = Period.Year(Today().AddDays(-1).Year);
        var compliance = await GetCompliance(year.ToString());
        var warnings = new NodeWarnings(NodeId, compliance.Today, compliance.Warnings);
        var tenant = GrainKeys.TenantOf(this.GetPrimaryKeyString());
        await GrainFactory.GetGrain<IWarningBoardGrain>(GrainKeys.Tenant(tenant)).Publish(warnings);
        BranchLedgerMetrics.CountWarningsRaised(warnings.Warnings.Select(w => w.Kind.ToString()));
        return warnings;
    }

    private TimeSpan UntilNextTenantMidnight()
    {
        var now = clock.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(_node?.TimeZone ?? TenantCalendar.DefaultTimeZoneId);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = new DateTimeOffset(local.Date.AddDays(1), zone.GetUtcOffset(local.Date.AddDays(1)));
        return midnight - now;
    }

    /// <inheritdoc />
    public async Task NodeChanged(LedgerNode node)
    {
        var wasOpen = _node is { IsClosed: false };
        var zoneChanged = _node is not null && _node.TimeZone != node.TimeZone;
        _node = node;
        if (zoneChanged && !node.IsClosed)
        {
            // The daily reminder follows the tenant's midnight.
            await EnsureWarningsReminderAsync(CancellationToken.None, reschedule: true);
        }

        if (node.IsClosed && wasOpen)
        {
            await WithdrawScoresAsync();
        }
        else if (!node.IsClosed)
        {
            // Rosters, overrides and names change scores and how they show.
            ScoreEveryPeriodLater();
        }
    }

    /// <inheritdoc />
    public async Task<RecordWriteResult> Append(AppendCommand command)
    {
        return await DecidingAgainOnce(() => AppendOnce(command));
    }

    private async Task<RecordWriteResult> AppendOnce(AppendCommand command)
    {
        var sealedReplays = await SealedRecordsFor([command]);
        var (record, replayed) = Decide(command, LastSequence + 1, id => _book.ByRequestId(id) ?? sealedReplays.GetValueOrDefault(id));
        if (!replayed)
        {
            await AppendAsync([record], command.Audit);
            ScoreLater([record]);
        }

        return new RecordWriteResult(record, replayed);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ImportResult>> AppendBatch(IReadOnlyList<AppendCommand> commands)
    {
        return await DecidingAgainOnce(() => AppendBatchOnce(commands));
    }

    private async Task<IReadOnlyList<ImportResult>> AppendBatchOnce(IReadOnlyList<AppendCommand> commands)
    {
        var pending = new Dictionary<string, LedgerRecord>(StringComparer.Ordinal);
        var sealedReplays = await SealedRecordsFor(commands);
        var results = new List<ImportResult>(commands.Count);
        foreach (var command in commands)
        {
            results.Add(Import(command, pending, sealedReplays));
        }

        if (pending.Count > 0)
        {
            var records = pending.Values.OrderBy(r => r.Sequence).ToList();
            await AppendAsync(records);
            ScoreLater(records);
        }

        return results;
    }

    private ImportResult Import(AppendCommand command, Dictionary<string, LedgerRecord> pending, Dictionary<string, LedgerRecord> sealedReplays)
    {
        try
        {
            if (command.Body is ITargetsRecord)
            {
                return Rejected(new FieldError("body", "corrections and reviews are made one at a time with VoidRecord, AmendRecord or ReviewRecord"));
            }

            var (record, replayed) = Decide(
                command,
                LastSequence + pending.Count + 1L,
                id => _book.ByRequestId(id) ?? pending.GetValueOrDefault(id) ?? sealedReplays.GetValueOrDefault(id));
            if (replayed)
            {
                return new ImportResult(ImportOutcome.Duplicate, record, []);
            }

            pending[record.RequestId] = record;
            _workflows.Apply(record.Sequence, record.Body, record.RecordedBy);
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
        command = WithAttendanceAsKept(command);
        CommandChecks.ThrowIfInvalid(CheckAgainstRoster(CommandChecks.Check(command, Today()), command.Body));
        if (known(command.RequestId) is { } existing)
        {
            return command.SameContentAs(existing) ? (existing, true) : throw new RequestIdConflictException(command.RequestId);
        }

        if (RequireNode().IsClosed)
        {
            throw new PreconditionFailedException("NODE_CLOSED", "node_id", $"Node '{NodeId}' is closed: its ledger keeps its history but takes no new records.");
        }

        RefuseIfSealed(command.Body);
        if (command.Body is CorrectionDetails correction)
        {
            var refusal = Corrections.Refusal(
                _book.EntriesFor(correction.TargetSequence), correction.TargetSequence, correction.Replacement is null, correction.Replacement?.Family ?? "");
            var id = LedgerRecord.IdOf(correction.TargetSequence);
            if (refusal is not null)
            {
                throw _book.BySequence(correction.TargetSequence) is not null
                    ? new PreconditionFailedException("CORRECTION_REFUSED", "record_id", $"Record '{id}' cannot be corrected: {refusal}.")
                    : LedgerRecord.NotFound(id);
            }
        }

        if (command.Body is ReviewDetails review)
        {
            RefuseReview(review.TargetSequence);
        }

        CheckWorkflow(command.Body, command.RecordedBy);
        var record = new LedgerRecord
        {
            Sequence = nextSequence,
            RequestId = command.RequestId,
            RecordedBy = command.RecordedBy,
            RecordedAt = clock.GetUtcNow(),
            Body = command.Body,
            Evidence = command.Evidence,
        };
        return (LeanRecords.Lean(record, ref _recordedBy), false);
    }

    // Only records can be reviewed (the domain's rule); an unknown record is NOT_FOUND.
    private void RefuseReview(long target)
    {
        var entry = _book.BySequence(target);
        Reviews.TargetKind? kind = entry?.Body switch
        {
            null => null,
            CorrectionDetails => Reviews.TargetKind.Correction,
            ReviewDetails => Reviews.TargetKind.Review,
            _ => Reviews.TargetKind.Record,
        };
        var id = LedgerRecord.IdOf(target);
        if (Reviews.Refusal(kind, entry is not null && _book.ViewOf(entry).Status == RecordStatus.Voided) is { } refusal)
        {
            throw entry is null
                ? LedgerRecord.NotFound(id)
                : new PreconditionFailedException("REVIEW_REFUSED", "record_id", $"Record '{id}' cannot be reviewed: {refusal}.");
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DutyItemView>> ListDutyItems()
    {
        RequireNode();
        return Task.FromResult(_workflows.Duties);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FindingView>> ListFindings()
    {
        RequireNode();
        return Task.FromResult(_workflows.Findings);
    }

    private LedgerNode RequireNode() =>
        _node ?? throw new NotFoundException("branchledger.v1.Node", NodeId, $"No node '{NodeId}' in this tenant's directory.");

    // Members of a meeting cannot outnumber the roster in force on its day (a typing error, never a meeting),
    // nor can those ticked present and absent together.
    private Violations CheckAgainstRoster(Violations violations, RecordBody body)
    {
        if (body is MeetingDetails meeting && _node is not null)
        {
            var roster = RosterRules.InEffectOn(_node.Rosters, r => r.EffectiveFrom, meeting.Date);
            if (MeetingRules.RosterLimit(meeting.Kind, roster?.Members, roster?.CommitteeMembers) is { } limit)
            {
                if (meeting.Attendees > limit)
                {
                    violations.Add("meeting.attendees", $"must not exceed the {limit} on the roster in force on {meeting.Date:yyyy-MM-dd}");
                }
                else if (meeting.Attendees + meeting.Absences.Count > limit)
                {
                    violations.Add("meeting.absences", $"attendees plus absences must not exceed the {limit} on the roster in force on {meeting.Date:yyyy-MM-dd}");
                }
            }
        }

        return violations;
    }

    // Minimal personal data: unless the tenant keeps attendance by name, the names are dropped here,
    // before the record is compared with a replay, stored or answered. The ledger is the one place
    // every write passes (gateway RPCs, imports, amendments, any future client), and it holds the
    // tenant's setting, so no caller can get a name stored that the tenant chose not to keep.
    private AppendCommand WithAttendanceAsKept(AppendCommand command)
    {
        if (_node?.AttendanceRecording == AttendanceRecording.Names)
        {
            return command;
        }

        return command.Body switch
        {
            MeetingDetails { HasAttendanceNames: true } meeting => command with { Body = meeting.WithoutAttendanceNames() },
            CorrectionDetails { Replacement: MeetingDetails { HasAttendanceNames: true } meeting } correction =>
                command with { Body = correction with { Replacement = meeting.WithoutAttendanceNames() } },
            _ => command,
        };
    }

    // Duty items and findings move only as their workflows allow; an unknown id is NOT_FOUND. The
    // actor is the caller's authenticated subject (the gateway sets RecordedBy from the credential).
    private void CheckWorkflow(RecordBody body, string actor)
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
            case IFindingStep finding when FindingWorkflow.Refusal(
                _workflows.FindingsClosed, finding.Step, actor, _workflows.InvolvedIn(finding.Step.FindingId)) is { } refusal:
                throw new PreconditionFailedException("FINDING_VERIFIER_NOT_INDEPENDENT", "finding_id", $"问题 '{finding.Step.FindingId}'：{refusal}。");
        }
    }

    // Acknowledged only once the rows are in the journal (one transaction, O(record)); on failure the
    // in-memory ledger is put back as it was. PostgreSQL refuses a request id twice per ledger, so a
    // retry that reaches another activation, or this one after a lost answer, never counts twice.
    private async Task AppendAsync(IReadOnlyList<LedgerRecord> records, AuditEntry? audit = null)
    {
        var lastBefore = ledger.State.LastSequence;
        Records.AddRange(records);
        ledger.State.LastSequence = LastSequence;
        try
        {
            await journal.AppendAsync(JournalKey, records, audit);
            BranchLedgerMetrics.CountRecordsWritten(records.Select(r => r.Body.Family));
        }
        catch (Exception ex)
        {
            Records.RemoveRange(Records.Count - records.Count, records.Count);
            ledger.State.LastSequence = lastBefore;
            _book.Reindex();
            Refresh();
            if (ex is JournalConflictException)
            {
                // Nothing of this write was kept; the journal is ahead of this activation. Load what it
                // holds and let the caller decide again: a retried request id is then a replay.
                await ReloadTailAsync();
                throw new LedgerReloadedException();
            }

            logger.LogError(ex, "Ledger write failed for {Grain}", this.GetPrimaryKeyString());

            // The rows may have been committed with the answer lost: reload so the next attempt
            // answers from the journal (a replay) instead of deciding from a stale memory.
            DeactivateOnIdle();
            throw new StorageUnavailableException("The ledger could not be saved; nothing was recorded. Retry with the same request id.");
        }

        _book.Reindex();
        Refresh();
        await SnapshotNowAndThenAsync(records.Count);
    }

    // Rebuilds the duty list and findings from the current view. O(n) per write, which the bounded
    // size of a live ledger (finished years are sealed away) keeps cheap.
    private void Refresh()
    {
        _workflows = new Workflows();
        foreach (var view in _book.Current())
        {
            _workflows.Apply(view.Record.Sequence, view.Current, view.Record.RecordedBy);
        }
    }

    // Record dates are calendar days of the tenant's time zone.
    private DateOnly Today() => TenantCalendar.Today(clock.GetUtcNow(), _node?.TimeZone ?? TenantCalendar.DefaultTimeZoneId);
}
