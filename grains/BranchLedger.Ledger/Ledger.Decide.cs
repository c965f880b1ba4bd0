using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Ledger;

/// <summary>What a command records: a new record, or the one an earlier command with its request id made.</summary>
public sealed record Decision(LedgerRecord Record, bool Replayed);

/// <summary>What a batch records: an answer per command, and the new records (in sequence order) to make durable.</summary>
public sealed record BatchDecision(IReadOnlyList<ImportResult> Results, IReadOnlyList<LedgerRecord> Records);

// Decisions: every rule a write must pass, judged against the live records; nothing changes here.
public sealed partial class Ledger
{
    /// <summary>
    /// The record <paramref name="command"/> stands for: an earlier one under the same request id (a
    /// replay), or a new one after <see cref="LastSequence"/>. <paramref name="sealedRecord"/> finds a
    /// record a request id made that was sealed away. Throws when the command is refused.
    /// </summary>
    public Decision Decide(AppendCommand command, DateOnly today, DateTimeOffset now, Func<string, LedgerRecord?>? sealedRecord = null) =>
        DecideAt(command, LastSequence + 1, id => _book.ByRequestId(id) ?? sealedRecord?.Invoke(id), _workflows, today, now);

    /// <summary>
    /// Decides an import: each command on its own (an answer per row), later rows seeing the workflows
    /// earlier ones move. Corrections and reviews are refused here: they are made one at a time.
    /// </summary>
    public BatchDecision DecideBatch(IReadOnlyList<AppendCommand> commands, DateOnly today, DateTimeOffset now, Func<string, LedgerRecord?>? sealedRecord = null)
    {
        var pending = new Dictionary<string, LedgerRecord>(StringComparer.Ordinal);

        // A scratch copy: the ledger's own workflows move only once the batch is durable.
        var workflows = _workflows.Copy();
        var results = new List<ImportResult>(commands.Count);
        foreach (var command in commands)
        {
            results.Add(Import(command, pending, workflows, today, now, sealedRecord));
        }

        return new BatchDecision(results, [.. pending.Values.OrderBy(r => r.Sequence)]);
    }

    private ImportResult Import(
        AppendCommand command, Dictionary<string, LedgerRecord> pending, Workflows workflows, DateOnly today, DateTimeOffset now, Func<string, LedgerRecord?>? sealedRecord)
    {
        try
        {
            if (command.Body is ITargetsRecord)
            {
                return Rejected(new FieldError(FieldPaths.Body, "corrections and reviews are made one at a time with VoidRecord, AmendRecord or ReviewRecord"));
            }

            var (record, replayed) = DecideAt(
                command,
                LastSequence + pending.Count + 1L,
                id => _book.ByRequestId(id) ?? pending.GetValueOrDefault(id) ?? sealedRecord?.Invoke(id),
                workflows,
                today,
                now);
            if (replayed)
            {
                return new ImportResult(ImportOutcome.Duplicate, record, []);
            }

            pending[record.RequestId] = record;
            workflows.Apply(record.Sequence, record.Body, record.RecordedBy);
            return new ImportResult(ImportOutcome.Accepted, record, []);
        }
        catch (InvalidCommandException invalid)
        {
            return new ImportResult(ImportOutcome.Rejected, null, invalid.Errors);
        }
        catch (RequestIdConflictException conflict)
        {
            return Rejected(new FieldError(FieldPaths.RequestId, conflict.Message));
        }
        catch (NotFoundException missing)
        {
            return Rejected(new FieldError(FieldPaths.Body, missing.Message));
        }
        catch (PreconditionFailedException refused)
        {
            return Rejected(new FieldError(refused.Subject, refused.Message));
        }

        static ImportResult Rejected(FieldError error) => new(ImportOutcome.Rejected, null, [error]);
    }

    private Decision DecideAt(
        AppendCommand command, long nextSequence, Func<string, LedgerRecord?> known, Workflows workflows, DateOnly today, DateTimeOffset now)
    {
        command = WithAttendanceAsKept(command);
        CommandChecks.ThrowIfInvalid(CheckAgainstRoster(CommandChecks.Check(command, today), command.Body));
        if (known(command.RequestId) is { } existing)
        {
            return command.SameContentAs(existing) ? new Decision(existing, true) : throw new RequestIdConflictException(command.RequestId);
        }

        if (RequireNode().IsClosed)
        {
            throw new PreconditionFailedException("NODE_CLOSED", FieldPaths.NodeId, $"Node '{NodeId}' is closed: its ledger keeps its history but takes no new records.");
        }

        RefuseAtThisLevel(command.Body);
        RefuseIfClosed(command.Body);
        if (command.Body is CorrectionDetails correction)
        {
            RefuseCorrection(correction);
        }

        if (command.Body is ReviewDetails review)
        {
            RefuseReview(review.TargetSequence);
        }

        CheckWorkflow(command.Body, command.RecordedBy, workflows);
        var record = new LedgerRecord
        {
            Sequence = nextSequence,
            RequestId = command.RequestId,
            RecordedBy = command.RecordedBy,
            RecordedAt = now,
            Body = command.Body,
            Evidence = command.Evidence,
        };
        return new Decision(LeanRecords.Lean(record, ref _recordedBy), false);
    }

    private void RefuseCorrection(CorrectionDetails correction)
    {
        var refusal = Corrections.Refusal(
            _book.EntriesFor(correction.TargetSequence), correction.TargetSequence, correction.Replacement is null, correction.Replacement?.Family ?? "");
        var id = LedgerRecord.IdOf(correction.TargetSequence);
        if (refusal is not null)
        {
            throw _book.BySequence(correction.TargetSequence) is not null
                ? new PreconditionFailedException("CORRECTION_REFUSED", FieldPaths.RecordId, $"Record '{id}' cannot be corrected: {refusal}.")
                : LedgerRecord.NotFound(id);
        }
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
                : new PreconditionFailedException("REVIEW_REFUSED", FieldPaths.RecordId, $"Record '{id}' cannot be reviewed: {refusal}.");
        }
    }

    // Members of a meeting cannot outnumber the roster in force on its day (a typing error, never a meeting),
    // nor can those ticked present and absent together.
    private Violations CheckAgainstRoster(Violations violations, RecordBody body)
    {
        if (body is MeetingDetails meeting && Node is not null)
        {
            var roster = RosterRules.InEffectOn(Node.Rosters, r => r.EffectiveFrom, meeting.Date);
            if (MeetingRules.RosterLimit(meeting.Kind, roster?.Members, roster?.CommitteeMembers) is { } limit)
            {
                if (meeting.Attendees > limit)
                {
                    violations.Add(FieldPaths.MeetingAttendees, $"must not exceed the {limit} on the roster in force on {meeting.Date:yyyy-MM-dd}");
                }
                else if (meeting.Attendees + meeting.Absences.Count > limit)
                {
                    violations.Add(FieldPaths.MeetingAbsences, $"attendees plus absences must not exceed the {limit} on the roster in force on {meeting.Date:yyyy-MM-dd}");
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
        if (Node?.AttendanceRecording == AttendanceRecording.Names)
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
    private static void CheckWorkflow(RecordBody body, string actor, Workflows workflows)
    {
        switch (body)
        {
            case IDutyStep duty when DutyWorkflow.Refusal(workflows.DutyStatuses, duty.Step) is { } refusal:
                throw duty.Step.To is not null && !workflows.DutyStatuses.ContainsKey(duty.Step.DutyId)
                    ? new NotFoundException("branchledger.v1.DutyItem", duty.Step.DutyId, $"No duty item '{duty.Step.DutyId}' in this ledger.")
                    : new PreconditionFailedException("DUTY_ITEM_STEP_REFUSED", FieldPaths.DutyId, $"Duty item '{duty.Step.DutyId}': {refusal}.");
            case IFindingStep finding when FindingWorkflow.Refusal(workflows.FindingsClosed, finding.Step) is { } refusal:
                throw finding.Step.Action != FindingWorkflow.FindingAction.Raise && !workflows.FindingsClosed.ContainsKey(finding.Step.FindingId)
                    ? new NotFoundException("branchledger.v1.Finding", finding.Step.FindingId, $"No finding '{finding.Step.FindingId}' in this ledger.")
                    : new PreconditionFailedException("FINDING_STEP_REFUSED", FieldPaths.FindingId, $"Finding '{finding.Step.FindingId}': {refusal}.");
            case IFindingStep finding when FindingWorkflow.Refusal(
                workflows.FindingsClosed, finding.Step, actor, workflows.InvolvedIn(finding.Step.FindingId)) is { } refusal:
                throw new PreconditionFailedException("FINDING_VERIFIER_NOT_INDEPENDENT", FieldPaths.FindingId, $"问题 '{finding.Step.FindingId}'：{refusal}。");
        }
    }

    // A kind is held only by the node levels its catalogue entry names (a 党小组 issues no documents), a meeting
    // only by those of its meeting kind (a 党支部 holds no 党组会). Reviews and voids follow the record they target,
    // which was judged when it was made; an amendment's replacement is judged as a new record would be.
    private void RefuseAtThisLevel(RecordBody body)
    {
        var judged = body is CorrectionDetails { Replacement: { } replacement } ? replacement : body;
        if (judged is not ITargetsRecord
            && KindLevels.Refusal(judged.Family, RequireNode().Kind, SubKind(judged)) is { } refusal)
        {
            throw new PreconditionFailedException("RECORD_KIND_NOT_AT_NODE_LEVEL", FieldPaths.Body, $"{refusal}。");
        }
    }

    // The choice that narrows a kind's levels: a meeting's kind. Other kinds are judged by their kind alone.
    private static string? SubKind(RecordBody body) =>
        body is MeetingDetails meeting ? RecordCatalogue.ProtoName(meeting.Kind) : null;

    // Sealed years are closed books: nothing new may be dated in them, nothing in them corrected, and
    // a workflow sealed whole takes no more steps (a re-check raises a new finding).
    private void RefuseIfClosed(RecordBody body)
    {
        var through = Closed.Through;
        var dates = body is CorrectionDetails { Replacement: { } r } ? new[] { body.Date, r.Date } : [body.Date];
        if (through is { } year && dates.Any(d => d.Year <= year))
        {
            throw new PreconditionFailedException("YEAR_SEALED", FieldPaths.Date, $"The ledger is sealed through {year}: nothing dated in or before it can be recorded.");
        }

        switch (body)
        {
            case ITargetsRecord c when Closed.SealedYearOf(c.TargetSequence) is { } sealedIn:
                throw new PreconditionFailedException("YEAR_SEALED", FieldPaths.RecordId, $"Record '{LedgerRecord.IdOf(c.TargetSequence)}' is sealed in {sealedIn}: it can no longer be corrected or reviewed.");
            case IDutyStep duty when Closed.DutyIds.Contains(duty.Step.DutyId):
                throw new PreconditionFailedException("DUTY_ITEM_STEP_REFUSED", FieldPaths.DutyId, $"Duty item '{duty.Step.DutyId}' was verified and sealed: it takes no more steps and its id is not reused.");
            case IFindingStep finding when Closed.FindingIds.Contains(finding.Step.FindingId):
                throw new PreconditionFailedException("FINDING_STEP_REFUSED", FieldPaths.FindingId, $"Finding '{finding.Step.FindingId}' was closed and sealed: raise a new finding for what a re-check found.");
        }
    }
}
