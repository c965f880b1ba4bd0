using BranchLedger.Contracts;
using BranchLedger.Contracts.Audit;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Periods;
using BranchLedger.Grains.Ledger.Journal;
using Orleans.EventSourcing;
using Orleans.EventSourcing.CustomStorage;
using Orleans.Providers;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Bench.Journaled;

/// <summary>The bench-only contender of <c>--journaled</c>: a ledger written through Orleans' JournaledGrain.</summary>
public interface IJournaledLedgerGrain : IGrainWithStringKey
{
    /// <summary>Decides and appends one record, as <c>ILedgerGrain.Append</c> does.</summary>
    Task<RecordWriteResult> Append(AppendCommand command);

    /// <summary>Decides and appends a batch (for filling a ledger); how many records were accepted.</summary>
    Task<int> AppendBatch(IReadOnlyList<AppendCommand> commands);

    /// <summary>The confirmed version (= the ledger's last sequence).</summary>
    Task<int> LastSequence();
}

/// <summary>The JournaledGrain's view: the same domain aggregate the real grain keeps.</summary>
public sealed class JournaledLedgerView
{
    public LedgerAggregate Ledger { get; set; } = new("", []);
}

/// <summary>
/// A ledger as <c>JournaledGrain&lt;TState, LedgerRecord&gt;</c> with the CustomStorage log-consistency
/// provider over the SAME journal table the real grain uses (through <see cref="ILedgerJournal"/>): the
/// events are the ledger's records, the version is the last sequence, and the view is read from the
/// journal without a snapshot. The per-write domain work is the real grain's (the aggregate's
/// <c>Decide</c>, then <c>RaiseEvent</c> + <c>ConfirmEvents</c>), so the difference measured is the mechanism.
/// Bench only: production code does not use it.
/// </summary>
[LogConsistencyProvider(ProviderName = ProviderName)]
public sealed class JournaledLedgerGrain(ILedgerJournal journal, TimeProvider clock)
    : JournaledGrain<JournaledLedgerView, LedgerRecord>, IJournaledLedgerGrain, ICustomStorageInterface<JournaledLedgerView, LedgerRecord>
{
    /// <summary>The name the bench silo registers the CustomStorage provider under.</summary>
    public const string ProviderName = "CustomStorage";

    // The audit row of the write in flight. Events are the only thing the mechanism hands to storage, so
    // the audit entry (committed in the same transaction, as the real grain does) travels beside it.
    private AuditEntry? _audit;

    private string Key => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<RecordWriteResult> Append(AppendCommand command)
    {
        var ledger = State.Ledger;
        var (record, replayed) = ledger.Decide(command, Today(), clock.GetUtcNow());
        if (!replayed)
        {
            _audit = command.Audit;
            RaiseEvent(record);
            await ConfirmEvents();
        }

        return new RecordWriteResult(record, replayed);
    }

    /// <inheritdoc />
    public async Task<int> AppendBatch(IReadOnlyList<AppendCommand> commands)
    {
        var ledger = State.Ledger;
        var batch = ledger.DecideBatch(commands, Today(), clock.GetUtcNow());
        RaiseEvents(batch.Records);
        await ConfirmEvents();
        return batch.Records.Count;
    }

    /// <inheritdoc />
    public Task<int> LastSequence() => Task.FromResult(Version);

    /// <inheritdoc />
    protected override void TransitionState(JournaledLedgerView state, LedgerRecord @event) => state.Ledger.Apply([@event]);

    /// <summary>The whole journal of this ledger (no snapshot), and the node as the directory has it.</summary>
    public async Task<KeyValuePair<int, JournaledLedgerView>> ReadStateFromStorage()
    {
        var node = await GrainFactory.GetGrain<ITenantGrain>(GrainKeys.Tenant(GrainKeys.TenantOf(Key))).GetLedgerNode(GrainKeys.LocalIdOf(Key));
        var records = await journal.ReadAfterAsync(Key, 0);
        var ledger = new LedgerAggregate(GrainKeys.LocalIdOf(Key), records, 0, null, node);
        return new(checked((int)ledger.LastSequence), new JournaledLedgerView { Ledger = ledger });
    }

    /// <summary>
    /// Appends the records (with the pending audit row) in one transaction, when the journal is at
    /// <paramref name="expectedVersion"/>: the records carry sequences expectedVersion+1…, so the
    /// primary key refuses them when another writer got there first (false: "not applied").
    /// </summary>
    public async Task<bool> ApplyUpdatesToStorage(IReadOnlyList<LedgerRecord> updates, int expectedVersion)
    {
        JournaledProbe.CountAttempt(Key);
        if (updates[0].Sequence != expectedVersion + 1L)
        {
            return false;
        }

        try
        {
            await journal.AppendAsync(Key, updates, _audit);
            _audit = null;
            return true;
        }
        catch (JournalConflictException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public Task ClearStoredState() => throw new NotSupportedException("The ledger journal is append-only.");

    // Record dates are calendar days of the tenant's time zone, as in the real grain.
    private DateOnly Today() => TenantCalendar.Today(clock.GetUtcNow(), State.Ledger.Node?.TimeZone ?? TenantCalendar.DefaultTimeZoneId);
}

/// <summary>How many times the provider called <c>ApplyUpdatesToStorage</c> per ledger (its retries are otherwise invisible to a caller).</summary>
public static class JournaledProbe
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Attempts = new();

    public static void CountAttempt(string ledger) => Attempts.AddOrUpdate(ledger, 1, (_, n) => n + 1);

    public static int AttemptsOf(string ledger) => Attempts.GetValueOrDefault(ledger);
}

/// <summary>
/// Orleans 10's log-view adaptor deep-copies the initial view when it is built (and the confirmed view
/// whenever <c>TentativeState</c> is read), so the view needs a copier: the aggregate rebuilt over the
/// same (immutable) records, O(ledger). The grain above never reads the tentative state.
/// </summary>
[RegisterCopier]
public sealed class JournaledLedgerViewCopier : Orleans.Serialization.Cloning.IDeepCopier<JournaledLedgerView>
{
    public JournaledLedgerView? DeepCopy(JournaledLedgerView? input, Orleans.Serialization.Cloning.CopyContext context)
    {
        if (input is null)
        {
            return null;
        }

        var l = input.Ledger;
        return new JournaledLedgerView { Ledger = new LedgerAggregate(l.NodeId, l.Records, l.LastSequence, l.Closed, l.Node) };
    }
}
