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

using BranchLedger.Grains.Scoring;

namespace BranchLedger.Grains.Ledger;

/// <summary>A node's ledger: validates, appends, persists, and answers retries from what it holds.</summary>
public sealed partial class LedgerGrain(
    [PersistentState(stateName: LedgerGrain.StateName, storageName: StorageNames.Ledger)]
    IPersistentState<LedgerState> ledger,
    ILedgerJournal journal,
    IScoreInputStore scoreInputs,
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
    private LedgerStore? _store;

    private LedgerNode? Node => _ledger.Node;

    private LedgerStore Store => _store ??= new LedgerStore(ledger, journal, GrainFactory, logger, this.GetPrimaryKeyString());

    private string NodeId => GrainKeys.LocalIdOf(this.GetPrimaryKeyString());

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var tenant = GrainKeys.TenantOf(this.GetPrimaryKeyString());
        var node = await GrainFactory.GetGrain<ITenantGrain>(GrainKeys.Tenant(tenant)).GetLedgerNode(NodeId);
        _ledger = await Store.LoadAsync(NodeId, node, cancellationToken);
        if (node is { IsClosed: false })
        {
            await EnsureWarningsReminderAsync(cancellationToken);
            if (Store.TailAtLoad.Count > 0)
            {
                // The last activation may have ended before pushing these records' scores.
                ScoreLater(Store.TailAtLoad);
            }

            Store.ForgetTailAtLoad();
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
            await Scores.PublishNewDayAsync(Source);
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
            await Scores.WithdrawAsync(Source!);
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
        var sealedReplays = await Store.SealedRecordsFor([command], _ledger.Book);
        var (record, replayed) = _ledger.Decide(command, Today(), clock.GetUtcNow(), sealedReplays.GetValueOrDefault);
        if (!replayed)
        {
            await AppendAsync([record], command.Audit);
            ScoreLater([record]);
        }

        return new RecordWriteResult(record, replayed);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ImportResult>> AppendBatch(IReadOnlyList<AppendCommand> commands, AuditEntry? audit = null)
    {
        return await DecidingAgainOnce(() => AppendBatchOnce(commands, audit));
    }

    private async Task<IReadOnlyList<ImportResult>> AppendBatchOnce(IReadOnlyList<AppendCommand> commands, AuditEntry? audit)
    {
        var sealedReplays = await Store.SealedRecordsFor(commands, _ledger.Book);
        var batch = _ledger.DecideBatch(commands, Today(), clock.GetUtcNow(), sealedReplays.GetValueOrDefault);
        if (batch.Records.Count > 0)
        {
            await AppendAsync(batch.Records, audit);
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

    // Record dates are calendar days of the tenant's time zone.
    private DateOnly Today() => TenantCalendar.Today(clock.GetUtcNow(), Node?.TimeZone ?? TenantCalendar.DefaultTimeZoneId);
}
