using BranchLedger.Contracts;
using BranchLedger.Contracts.Audit;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Reports;
using BranchLedger.Contracts.Scoring;
using BranchLedger.Contracts.Telemetry;
using BranchLedger.Domain.Periods;
using BranchLedger.Grains.Ledger.Journal;
using BranchLedger.Grains.Scoring;
using Microsoft.Extensions.Logging;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Grains.Ledger;

/// <summary>
/// A node's ledger, as a shell of turns, timers and reminders: it loads the aggregate (which decides),
/// persists what it decides (<see cref="LedgerWriter"/> over <see cref="LedgerStore"/>) and publishes
/// scores (<see cref="ScorePublisher"/>) and warnings.
/// </summary>
public sealed class LedgerGrain(
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

    /// <summary>How often at most a busy ledger stores its score inputs (see <see cref="ScoreSchedule"/>).</summary>
    public static readonly TimeSpan ScoreInputsInterval = TimeSpan.FromSeconds(5);

    private LedgerAggregate _ledger = new("", []);
    private LedgerStore? _store;
    private LedgerWriter? _writer;
    private ScorePublisher? _scores;
    private ScoreSchedule? _schedule;

    private LedgerNode? Node => _ledger.Node;

    private LedgerStore Store => _store ??= new LedgerStore(ledger, journal, GrainFactory, logger, this.GetPrimaryKeyString());

    private LedgerWriter Writer => _writer ??= new LedgerWriter(Store, logger, this.GetPrimaryKeyString(), DeactivateOnIdle);

    private string Tenant => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    private string NodeId => GrainKeys.LocalIdOf(this.GetPrimaryKeyString());

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var node = await GrainFactory.GetGrain<ITenantGrain>(GrainKeys.Tenant(Tenant)).GetLedgerNode(NodeId);
        _ledger = await Store.LoadAsync(NodeId, node, cancellationToken);
        if (node is { IsClosed: false })
        {
            await EnsureWarningsReminderAsync(cancellationToken);
            if (Store.TailAtLoad.Count > 0)
            {
                ScoreLater(Store.TailAtLoad); // the last activation may have ended before pushing these records' scores
            }

            Store.ForgetTailAtLoad();
        }
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await Schedule.FlushAsync();
        if (_store is not null)
        {
            await _store.SnapshotIfChangedAsync();
        }
    }

    private Task EnsureWarningsReminderAsync(CancellationToken cancellationToken, bool reschedule = false) => DailyReminder.EnsureAsync(
        this, WarningsReminder, () => TenantCalendar.UntilNextMidnight(clock.GetUtcNow(), ZoneId), reschedule, logger, this.GetPrimaryKeyString(), cancellationToken);

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
        var compliance = await GetCompliance(Period.Year(Today().AddDays(-1).Year).ToString());
        var warnings = new NodeWarnings(NodeId, compliance.Today, compliance.Warnings);
        await GrainFactory.GetGrain<IWarningBoardGrain>(GrainKeys.Tenant(Tenant)).Publish(warnings);
        BranchLedgerMetrics.CountWarningsRaised(warnings.Warnings.Select(w => w.Kind.ToString()));
        return warnings;
    }

    /// <inheritdoc />
    public async Task NodeChanged(LedgerNode node)
    {
        var (wasOpen, zoneChanged) = (Node is { IsClosed: false }, Node is not null && Node.TimeZone != node.TimeZone);
        _ledger.NodeChanged(node);
        if (zoneChanged && !node.IsClosed)
        {
            await EnsureWarningsReminderAsync(CancellationToken.None, reschedule: true); // it follows the tenant's midnight
        }

        if (node.IsClosed && wasOpen)
        {
            await Scores.WithdrawAsync(Source!);
        }
        else if (!node.IsClosed)
        {
            Schedule.EveryPeriodLater(); // rosters, overrides and names change scores and how they show
        }
    }

    /// <inheritdoc />
    public Task<RecordWriteResult> Append(AppendCommand command) => LedgerWriter.DecidingAgainOnce(async () =>
    {
        var sealedReplays = await Store.SealedRecordsFor([command], _ledger.Book);
        var (record, replayed) = _ledger.Decide(command, Today(), clock.GetUtcNow(), sealedReplays.GetValueOrDefault);
        if (!replayed)
        {
            await Writer.AppendAsync(_ledger, [record], command.Audit);
            ScoreLater([record]);
        }

        return new RecordWriteResult(record, replayed);
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<ImportResult>> AppendBatch(IReadOnlyList<AppendCommand> commands, AuditEntry? audit = null) => LedgerWriter.DecidingAgainOnce(async () =>
    {
        var sealedReplays = await Store.SealedRecordsFor(commands, _ledger.Book);
        var batch = _ledger.DecideBatch(commands, Today(), clock.GetUtcNow(), sealedReplays.GetValueOrDefault);
        if (batch.Records.Count > 0)
        {
            await Writer.AppendAsync(_ledger, batch.Records, audit);
            ScoreLater(batch.Records);
        }

        return batch.Results;
    });

    /// <inheritdoc />
    public async Task<SealResult> SealYear(SealCommand command)
    {
        var (replay, plan) = _ledger.DecideSeal(command, Today(), Store.SealAnswered(command.RequestId));
        if (replay is not null)
        {
            return replay;
        }

        var seal = await Writer.CommitSealAsync(command, plan!, clock.GetUtcNow());
        await Schedule.FlushAsync(); // the seal's snapshot must not hide a record whose score still waits for its push
        _ledger = await Store.ApplySealAndSnapshotAsync(seal, plan!, _ledger);

        // The live book lost the sealed records: the stored score inputs must say so (their year is then
        // scored by the ledger, which merges the archive in); scores themselves do not change.
        Schedule.EveryPeriodLater();
        return seal.Result!;
    }

    // Scores: the domain computes them, ScorePublisher pushes them and ScoreSchedule says when.
    private ScorePublisher Scores => _scores ??= new ScorePublisher(GrainFactory, scoreInputs, clock, logger, this.GetPrimaryKeyString());

    private ScoreSchedule Schedule => _schedule ??= new ScoreSchedule(this, Scores, () => Source, Store.SnapshotNowAndThenAsync);

    // What scores are computed from now; null until the directory knows the node.
    private ScoringSource? Source => Node is { } node
        ? new ScoringSource(Tenant, node, _ledger, year => Store.BookAsync(_ledger, year), Today(), Store.SealedYears)
        : null;

    private void ScoreLater(IEnumerable<LedgerRecord> records) => Schedule.Later(_ledger.DatesTouchedBy(records));

    /// <inheritdoc />
    public Task<ScoreSheetView> GetScore(string period, int rubricVersion)
    {
        _ledger.RequireNode();
        return Scores.ScoreAsync(Source!, LedgerAggregate.PeriodOf(period), rubricVersion);
    }

    /// <inheritdoc />
    public Task Rescore(PublishedRubric rubric) => Scores.RescoreAsync(Source, rubric);

    /// <inheritdoc />
    public Task<RecordPage> ListRecords(RecordQuery query) => Read(() => Store.ListAsync(_ledger, query));

    /// <inheritdoc />
    public Task<RecordHistory?> GetRecord(long sequence) => Read(() => Store.HistoryAsync(_ledger, sequence));

    /// <inheritdoc />
    public Task<ReviewQueuePage> ListReviewQueue(ReviewQueueQuery query) => Read(() => Store.ReviewQueueAsync(_ledger, query));

    /// <inheritdoc />
    public Task<IReadOnlyList<DutyItemView>> ListDutyItems() => Read(() => Task.FromResult(_ledger.Workflows.Duties));

    /// <inheritdoc />
    public Task<IReadOnlyList<FindingView>> ListFindings() => Read(() => Task.FromResult(_ledger.Workflows.Findings));

    /// <inheritdoc />
    public async Task<ComplianceView> GetCompliance(string period)
    {
        _ledger.RequireNode();
        var parsed = LedgerAggregate.PeriodOf(period);
        return _ledger.Compliance(await Store.BookAsync(_ledger, parsed.Start.Year), parsed, Today());
    }

    /// <inheritdoc />
    public async Task<NodeReportFacts> GetReportFacts(int year)
    {
        _ledger.RequireNode();
        var earlier = await Store.SealedBooksBeforeAsync(_ledger, year);
        return _ledger.ReportFacts(await Store.BookAsync(_ledger, year), earlier, year, Today());
    }

    // Every read is of a node the directory knows (NOT_FOUND otherwise).
    private async Task<T> Read<T>(Func<Task<T>> read)
    {
        _ledger.RequireNode();
        return await read();
    }

    private string ZoneId => Node?.TimeZone ?? TenantCalendar.DefaultTimeZoneId;

    // Record dates are calendar days of the tenant's time zone.
    private DateOnly Today() => TenantCalendar.Today(clock.GetUtcNow(), ZoneId);
}
