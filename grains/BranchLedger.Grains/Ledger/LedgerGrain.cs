using BranchLedger.Contracts;
using BranchLedger.Contracts.Audit;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Telemetry;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Periods;
using BranchLedger.Ledger;
using BranchLedger.Grains.Ledger.Journal;
using Microsoft.Extensions.Logging;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

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

    // The aggregate decides; this grain loads it, persists what it decides and publishes the results.
    private LedgerAggregate _ledger = new("", []);

    private LedgerNode? Node => _ledger.Node;

    private List<LedgerRecord> Records => ledger.State.Records;

    // Sequences are never reused, also after the records that held them were sealed away.
    private long LastSequence => Math.Max(ledger.State.LastSequence, Records.Count == 0 ? 0 : Records[^1].Sequence);

    private string NodeId => GrainKeys.LocalIdOf(this.GetPrimaryKeyString());

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var tenant = GrainKeys.TenantOf(this.GetPrimaryKeyString());
        var node = await GrainFactory.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenant)).GetLedgerNode(NodeId);
        await LoadFromJournalAsync(node, cancellationToken);
        if (node is { IsClosed: false })
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
        if (reminderName == WarningsReminder && Node is not null)
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
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Node?.TimeZone ?? TenantCalendar.DefaultTimeZoneId);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = new DateTimeOffset(local.Date.AddDays(1), zone.GetUtcOffset(local.Date.AddDays(1)));
        return midnight - now;
    }

    /// <inheritdoc />
    public async Task NodeChanged(LedgerNode node)
    {
        var wasOpen = Node is { IsClosed: false };
        var zoneChanged = Node is not null && Node.TimeZone != node.TimeZone;
        _ledger.NodeChanged(node);
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
        var (record, replayed) = _ledger.Decide(command, Today(), clock.GetUtcNow(), sealedReplays.GetValueOrDefault);
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
        var sealedReplays = await SealedRecordsFor(commands);
        var batch = _ledger.DecideBatch(commands, Today(), clock.GetUtcNow(), sealedReplays.GetValueOrDefault);
        if (batch.Records.Count > 0)
        {
            await AppendAsync(batch.Records);
            ScoreLater(batch.Records);
        }

        return batch.Results;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DutyItemView>> ListDutyItems()
    {
        _ledger.RequireNode();
        return Task.FromResult(_ledger.Workflows.Duties);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FindingView>> ListFindings()
    {
        _ledger.RequireNode();
        return Task.FromResult(_ledger.Workflows.Findings);
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

        // The aggregate takes in only what is durable, so a failed write leaves it as it was.
        _ledger.Apply(records);
        await SnapshotNowAndThenAsync(records.Count);
    }

    // Record dates are calendar days of the tenant's time zone.
    private DateOnly Today() => TenantCalendar.Today(clock.GetUtcNow(), Node?.TimeZone ?? TenantCalendar.DefaultTimeZoneId);
}
