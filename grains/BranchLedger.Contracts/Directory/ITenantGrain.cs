using Orleans.Concurrency;

namespace BranchLedger.Contracts.Directory;

/// <summary>
/// A tenant's directory: its profile, organisation tree and rosters, as an append-only history of
/// changes. Key: <see cref="GrainKeys.Tenant"/>. Writes are idempotent on the command's request id;
/// refusals are <see cref="Errors.InvalidCommandException"/>, <see cref="Errors.NotFoundException"/>,
/// <see cref="Errors.AlreadyExistsException"/>, <see cref="Errors.PreconditionFailedException"/> or
/// <see cref="Errors.RequestIdConflictException"/>, and nothing is written then.
/// </summary>
public interface ITenantGrain : ITenantOwnedGrain
{
    /// <summary>Creates the tenant's profile.</summary>
    Task<TenantWriteResult> RegisterTenant(DirectoryCommand<TenantRegistered> command);

    /// <summary>Replaces the tenant's profile.</summary>
    Task<TenantWriteResult> UpdateProfile(DirectoryCommand<TenantProfileUpdated> command);

    /// <summary>The tenant, or null when it is not registered.</summary>
    Task<TenantInfo?> GetTenant();

    /// <summary>Adds a node to the tree.</summary>
    Task<NodeWriteResult> CreateNode(DirectoryCommand<NodeCreated> command);

    /// <summary>
    /// Creates nodes (each with an optional roster) in order, in one durable write, all or nothing;
    /// entries recorded before under their request ids are answered, not recorded again.
    /// </summary>
    Task<IReadOnlyList<NodeImportResult>> ImportNodes(IReadOnlyList<NodeImport> nodes);

    /// <summary>Gives an open node a new name.</summary>
    Task<NodeWriteResult> RenameNode(DirectoryCommand<NodeRenamed> command);

    /// <summary>Puts an open node under another open parent, or at the root.</summary>
    Task<NodeWriteResult> MoveNode(DirectoryCommand<NodeMoved> command);

    /// <summary>Closes a node without open children.</summary>
    Task<NodeWriteResult> CloseNode(DirectoryCommand<NodeClosed> command);

    /// <summary>Records an open node's roster from a day on.</summary>
    Task<RosterWriteResult> SetRoster(DirectoryCommand<RosterSet> command);

    /// <summary>
    /// Replaces the tenant's obligation overrides with a complete list (empty clears them), checked
    /// against the default rules: stricter only. Every node's ledger is told before the answer.
    /// </summary>
    Task<ObligationOverridesWriteResult> SetObligationOverrides(DirectoryCommand<ObligationOverridesSet> command);

    /// <summary>The tenant's obligation rules with its overrides merged in; <see cref="Errors.NotFoundException"/> until it is registered.</summary>
    Task<TenantObligations> GetObligations();

    /// <summary>The node as it is now, or null when the id is unknown.</summary>
    Task<DirectoryNode?> GetNode(string nodeId);

    /// <summary>
    /// Nodes in the order they were created, after position <paramref name="after"/>: all of them or
    /// the direct children of <paramref name="parentId"/>, closed ones only when asked.
    /// </summary>
    Task<DirectoryPage<DirectoryNode>> ListNodes(string? parentId, bool includeClosed, long after, int pageSize);

    /// <summary>A node's changes (its roster entries included), oldest first, after position <paramref name="after"/>.</summary>
    Task<DirectoryPage<DirectoryEntry>> ListNodeHistory(string nodeId, long after, int pageSize);

    /// <summary>Roster entries in the order they were recorded, of one node or of all, after position <paramref name="after"/>.</summary>
    Task<DirectoryPage<RosterEntry>> ListRosters(string? nodeId, long after, int pageSize);

    /// <summary>
    /// The roster in effect on <paramref name="day"/>: the latest started on or before it (for one
    /// start, the last recorded). Null when the node is unknown or has no roster yet on that day.
    /// </summary>
    Task<RosterEntry?> GetRosterAt(string nodeId, DateOnly day);

    /// <summary>What the node's ledger needs to know of it, or null when the node is unknown.</summary>
    /// <remarks>
    /// Interleaves: the tenant grain awaits the ledger while pushing a change, and a ledger activated by
    /// that push asks this on activation. It only reads the derived view, which is consistent between turns.
    /// </remarks>
    [AlwaysInterleave]
    Task<LedgerNode?> GetLedgerNode(string nodeId);
}
