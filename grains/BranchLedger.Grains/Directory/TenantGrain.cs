using BranchLedger.Contracts.Scoring;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Domain.Directory;
using Microsoft.Extensions.Logging;

namespace BranchLedger.Grains.Directory;

/// <summary>
/// A tenant's directory: checks a change against the domain's rules, appends it, persists, and
/// answers retries from what it holds. The present (profile, tree, rosters) is derived from the
/// entries on activation and kept up to date as entries are appended.
/// </summary>
public sealed partial class TenantGrain(
    [PersistentState(stateName: TenantGrain.StateName, storageName: StorageNames.Ledger)]
    IPersistentState<TenantDirectoryState> directory,
    TimeProvider clock,
    ILogger<TenantGrain> logger) : Grain, ITenantGrain
{
    /// <summary>The state name (ADO.NET storage keys rows by state name, so it is unique per grain class).</summary>
    public const string StateName = "tenant-directory";

    private const int MaxPageSize = 500;

    // Ledgers told at once when a tenant-wide change fans out: enough to finish a tenant of a few
    // hundred nodes in seconds, few enough not to flood the silo with activations.
    private const int FanOut = 16;

    private DirectoryView _view = null!;

    private string TenantId => this.GetPrimaryKeyString();

    private List<DirectoryEntry> Entries => directory.State.Entries;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _view = DirectoryView.Replay(TenantId, Entries);
        if (_view.Tenant is not null)
        {
            // Tenants registered before the registry existed join it here; Register is idempotent.
            await Registry.Register(TenantId);
        }
    }

    private ITenantRegistryGrain Registry => GrainFactory.GetGrain<ITenantRegistryGrain>(CityKeys.City);

    /// <inheritdoc />
    public async Task<TenantWriteResult> RegisterTenant(DirectoryCommand<TenantRegistered> command)
    {
        var (entry, replayed) = await WriteAsync(command, () => TenantRules.CanRegister(TenantId, _view.Tenant is not null));
        await Registry.Register(TenantId);
        return new TenantWriteResult(AsOf(entry).Tenant!, replayed);
    }

    /// <inheritdoc />
    public async Task<TenantWriteResult> UpdateProfile(DirectoryCommand<TenantProfileUpdated> command)
    {
        var before = _view.Tenant?.Profile;
        var (entry, replayed) = await WriteAsync(command, () =>
            TenantRules.CanUpdate(TenantId, _view.Tenant is not null, _view.Tenant?.Profile != command.Change.Profile));

        // Every ledger's "today" follows the tenant's zone, and what it keeps of attendance follows the
        // attendance setting. A retry pushes again: it may follow a fan-out that a failure cut short,
        // and pushing the present state twice is harmless.
        var after = _view.Tenant?.Profile;
        if (replayed || before?.TimeZone != after?.TimeZone || before?.AttendanceRecording != after?.AttendanceRecording)
        {
            await NotifyAllLedgersAsync();
        }

        return new TenantWriteResult(AsOf(entry).Tenant!, replayed);
    }

    /// <inheritdoc />
    public async Task<ObligationOverridesWriteResult> SetObligationOverrides(DirectoryCommand<ObligationOverridesSet> command)
    {
        var (entry, replayed) = await WriteAsync(command, () => TenantObligationRules.CanReplace(
            TenantId,
            _view.Tenant is not null,
            !(_view.ObligationOverrides?.Overrides ?? []).SequenceEqual(command.Change.Overrides)));

        // Told before the answer, so a report asked for after it already judges by the new list; a
        // retry pushes again (see UpdateProfile).
        await NotifyAllLedgersAsync();
        return new ObligationOverridesWriteResult(ObligationOverridesEntry.Of(entry), replayed);
    }

    /// <inheritdoc />
    public Task<TenantObligations> GetObligations()
    {
        if (_view.Tenant is null)
        {
            DirectoryChecks.ThrowIfFailed(TenantRules.NotRegistered(TenantId));
        }

        var current = _view.ObligationOverrides;
        var rules = TenantObligationRules.Effective([.. (current?.Overrides ?? []).Select(o => o.ToDomain())]);
        return Task.FromResult(new TenantObligations
        {
            Rules = [.. rules.Select(r => ObligationRuleView.From(r.Rule, r.Overridden))],
            Overrides = current,
        });
    }

    /// <inheritdoc />
    public Task<TenantInfo?> GetTenant() => Task.FromResult(_view.Tenant);

    /// <inheritdoc />
    public Task<NodeWriteResult> CreateNode(DirectoryCommand<NodeCreated> command) => WriteNodeAsync(command, c =>
        TreeRules.CanCreate(_view.Tree, c.NodeId, c.Kind, DirectoryChecks.RootAsNull(c.ParentId)));

    /// <inheritdoc />
    public Task<NodeWriteResult> RenameNode(DirectoryCommand<NodeRenamed> command) => WriteNodeAsync(command, c =>
        TreeRules.CanRename(_view.Tree, c.NodeId, c.Name));

    /// <inheritdoc />
    public Task<NodeWriteResult> MoveNode(DirectoryCommand<NodeMoved> command) => WriteNodeAsync(command, c =>
        TreeRules.CanMove(_view.Tree, c.NodeId, DirectoryChecks.RootAsNull(c.ParentId)));

    /// <inheritdoc />
    public Task<NodeWriteResult> CloseNode(DirectoryCommand<NodeClosed> command) => WriteNodeAsync(command, c =>
        TreeRules.CanClose(_view.Tree, c.NodeId));

    /// <inheritdoc />
    public async Task<RosterWriteResult> SetRoster(DirectoryCommand<RosterSet> command)
    {
        var (entry, replayed) = await WriteAsync(command, () =>
            TenantRules.CanChangeTree(TenantId, _view.Tenant is not null) ?? TreeRules.CanSetRoster(_view.Tree, command.Change.NodeId));
        await NotifyLedgerAsync(command.Change.NodeId, replayed);

        // A roster entry is immutable and carries its own audit fields, so a replay needs no replaying.
        return new RosterWriteResult(RosterEntryOf(entry), replayed);
    }

    private static RosterEntry RosterEntryOf(DirectoryEntry entry) => new()
    {
        NodeId = ((RosterSet)entry.Change).NodeId, Roster = ((RosterSet)entry.Change).Roster, Sequence = entry.Sequence,
        RequestId = entry.RequestId, RecordedBy = entry.RecordedBy, RecordedAt = entry.RecordedAt,
    };

    /// <inheritdoc />
    public Task<DirectoryNode?> GetNode(string nodeId) => Task.FromResult(_view.FindNode(nodeId));

    /// <inheritdoc />
    public Task<DirectoryPage<DirectoryNode>> ListNodes(string? parentId, bool includeClosed, long after, int pageSize)
    {
        parentId = DirectoryChecks.RootAsNull(parentId);
        RequireNode(parentId);
        return Task.FromResult(_view.ListNodes(parentId, includeClosed, after, PageSize(pageSize)));
    }

    /// <inheritdoc />
    public Task<DirectoryPage<DirectoryEntry>> ListNodeHistory(string nodeId, long after, int pageSize)
    {
        RequireNode(nodeId);
        return Task.FromResult(_view.History(nodeId, after, PageSize(pageSize)));
    }

    /// <inheritdoc />
    public Task<DirectoryPage<RosterEntry>> ListRosters(string? nodeId, long after, int pageSize)
    {
        nodeId = DirectoryChecks.RootAsNull(nodeId);
        RequireNode(nodeId);
        return Task.FromResult(_view.Rosters(nodeId, after, PageSize(pageSize)));
    }

    /// <inheritdoc />
    public Task<RosterEntry?> GetRosterAt(string nodeId, DateOnly day) => Task.FromResult(_view.RosterAt(nodeId, day));

    /// <inheritdoc />
    public Task<LedgerNode?> GetLedgerNode(string nodeId) => Task.FromResult(LedgerNodeOf(nodeId));

    private async Task<NodeWriteResult> WriteNodeAsync<TChange>(DirectoryCommand<TChange> command, Func<TChange, DirectoryFailure?> rule)
        where TChange : NodeChange
    {
        var (entry, replayed) = await WriteAsync(command, () =>
            TenantRules.CanChangeTree(TenantId, _view.Tenant is not null) ?? rule(command.Change));
        await NotifyLedgerAsync(command.Change.NodeId, replayed);
        return new NodeWriteResult(AsOf(entry).FindNode(command.Change.NodeId)!, replayed);
    }

    private LedgerNode? LedgerNodeOf(string nodeId) => _view.FindNode(nodeId) is not { } node
        ? null
        : new LedgerNode
        {
            NodeId = node.NodeId,
            Kind = node.Kind,
            Name = node.Name,
            ParentId = node.ParentId,
            IsClosed = node.IsClosed,
            TimeZone = _view.Tenant?.Profile.TimeZone is { Length: > 0 } zone ? zone : Domain.Periods.TenantCalendar.DefaultTimeZoneId,
            Rosters = [.. _view.Rosters(nodeId, 0, int.MaxValue).Items.Select(r => r.Roster)],
            ObligationOverrides = _view.ObligationOverrides?.Overrides ?? [],
            AttendanceRecording = _view.Tenant?.Profile.AttendanceRecording ?? AttendanceRecording.CountsOnly,
        };

    // A tenant-wide change (time zone, obligation overrides) reaches every ledger, closed nodes' too
    // (their reports are still read). A rare admin write, so a bounded fan-out inside this turn is fine;
    // a ledger activated by the push asks GetLedgerNode, which interleaves, so nothing deadlocks.
    private async Task NotifyAllLedgersAsync()
    {
        await NotifyLedgersAsync(_view.ListNodes(null, includeClosed: true, 0, int.MaxValue).Items.Select(n => n.NodeId).ToList());
    }

    private async Task NotifyLedgersAsync(IReadOnlyList<string> nodeIds)
    {
        foreach (var batch in nodeIds.Chunk(FanOut))
        {
            await Task.WhenAll(batch.Select(nodeId => NotifyLedgerAsync(nodeId, replayed: false)));
        }
    }

    // The change is durable already; a ledger that misses the news reads the node again when it next
    // activates, so a failed push is logged, not surfaced to the caller.
    private async Task NotifyLedgerAsync(string nodeId, bool replayed)
    {
        if (replayed || LedgerNodeOf(nodeId) is not { } node)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<Contracts.Ledger.ILedgerGrain>(GrainKeys.Ledger(TenantId, nodeId)).NodeChanged(node);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Ledger of node {Node} in tenant {Tenant} was not told of a directory change", nodeId, TenantId);
        }
    }

    // Field checks first, then the request id (a retry is answered even if the state has moved on
    // since), then the domain's rules on the present state; only then is anything appended.
    private async Task<(DirectoryEntry Entry, bool Replayed)> WriteAsync<TChange>(
        DirectoryCommand<TChange> command, Func<DirectoryFailure?> rules)
        where TChange : DirectoryChange
    {
        DirectoryChecks.ThrowIfInvalid(DirectoryChecks.Check(command, clock));
        if (Seen(command) is { } existing)
        {
            return (existing, true);
        }

        DirectoryChecks.ThrowIfFailed(rules());
        var entry = NewEntry(command, Entries.Count + 1L);
        await AppendAsync([entry]);
        return (entry, false);
    }

    // The entry an earlier request with this id made; a different change under the same id is a conflict.
    private DirectoryEntry? Seen<TChange>(DirectoryCommand<TChange> command)
        where TChange : DirectoryChange =>
        _view.FindRequest(command.RequestId) is not { } existing ? null
        : existing.Change.Equals(command.Change) && existing.RecordedBy == command.RecordedBy ? existing
        : throw new RequestIdConflictException(command.RequestId);

    private DirectoryEntry NewEntry<TChange>(DirectoryCommand<TChange> command, long sequence)
        where TChange : DirectoryChange => new()
    {
        Sequence = sequence,
        RequestId = command.RequestId,
        RecordedBy = command.RecordedBy,
        RecordedAt = clock.GetUtcNow(),
        Change = command.Change,
    };

    // A replay answers with the state right after the original change, not the present: the same
    // request gets the same answer however often it is retried.
    private DirectoryView AsOf(DirectoryEntry entry) =>
        entry.Sequence == _view.LastSequence ? _view : DirectoryView.Replay(TenantId, Entries.Take((int)entry.Sequence));

    private void RequireNode(string? nodeId)
    {
        if (nodeId is not null && _view.FindNode(nodeId) is null)
        {
            throw DirectoryChecks.NodeNotFound(nodeId);
        }
    }

    private static int PageSize(int requested) => Math.Clamp(requested, 1, MaxPageSize);

    // Acknowledged only once the row is durable (one write, however many entries); on failure the
    // in-memory history is put back as it was.
    private async Task AppendAsync(IReadOnlyList<DirectoryEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        Entries.AddRange(entries);
        try
        {
            await directory.WriteStateAsync();
        }
        catch (Exception ex)
        {
            Entries.RemoveRange(Entries.Count - entries.Count, entries.Count);
            logger.LogError(ex, "Directory write failed for tenant {Tenant}", TenantId);

            // The stored ETag may now be ahead of ours (write applied, answer lost): reload so the
            // next attempt sees the truth instead of failing on a version conflict forever.
            DeactivateOnIdle();
            throw new StorageUnavailableException("The directory could not be saved; nothing was changed. Retry with the same request id.");
        }

        foreach (var entry in entries)
        {
            _view.Apply(entry);
        }
    }
}
