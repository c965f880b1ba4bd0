using BranchLedger.Contracts.Directory;
using BranchLedger.Domain.Directory;

namespace BranchLedger.Grains.Directory;

/// <summary>
/// The present of a tenant's directory, derived by replaying its entries: the profile, the tree (for
/// the domain's rules), node views in creation order, each node's history, the rosters, the obligation
/// overrides in force, and the request ids seen. Lists only grow, so a position in one is a stable page cursor.
/// </summary>
internal sealed class DirectoryView
{
    private readonly List<DirectoryNode> _nodes = [];
    private readonly Dictionary<string, int> _nodeIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DirectoryEntry>> _history = new(StringComparer.Ordinal);
    private readonly List<RosterEntry> _rosters = [];
    private readonly Dictionary<string, List<RosterEntry>> _rostersByNode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectoryEntry> _byRequestId = new(StringComparer.Ordinal);

    private DirectoryView(string tenantId) => TenantId = tenantId;

    public string TenantId { get; }

    public TenantInfo? Tenant { get; private set; }

    public OrganisationTree Tree { get; } = new();

    /// <summary>The override list in force (the last one set); null when none was ever set.</summary>
    public ObligationOverridesEntry? ObligationOverrides { get; private set; }

    /// <summary>The sequence of the last entry applied; 0 for an empty directory.</summary>
    public long LastSequence { get; private set; }

    /// <summary>The view after the given entries (all of a grain's, or a prefix of them to answer a replay).</summary>
    public static DirectoryView Replay(string tenantId, IEnumerable<DirectoryEntry> entries)
    {
        var view = new DirectoryView(tenantId);
        foreach (var entry in entries)
        {
            view.Apply(entry);
        }

        return view;
    }

    public DirectoryEntry? FindRequest(string requestId) => _byRequestId.GetValueOrDefault(requestId);

    public DirectoryNode? FindNode(string nodeId) => _nodeIndex.TryGetValue(nodeId, out var at) ? _nodes[at] : null;

    public DirectoryPage<DirectoryNode> ListNodes(string? parentId, bool includeClosed, long after, int pageSize) =>
        Page(_nodes, after, pageSize,
            n => (includeClosed || !n.IsClosed) && (parentId is null || n.ParentId == parentId));

    public DirectoryPage<DirectoryEntry> History(string nodeId, long after, int pageSize) =>
        Page(_history.GetValueOrDefault(nodeId) ?? [], after, pageSize, _ => true);

    public DirectoryPage<RosterEntry> Rosters(string? nodeId, long after, int pageSize) =>
        Page(nodeId is null ? _rosters : _rostersByNode.GetValueOrDefault(nodeId) ?? [], after, pageSize, _ => true);

    public RosterEntry? RosterAt(string nodeId, DateOnly day) =>
        _rostersByNode.TryGetValue(nodeId, out var rosters) ? RosterRules.InEffectOn(rosters, r => r.Roster.EffectiveFrom, day) : null;

    /// <summary>Applies one stored entry. Entries were checked before they were stored, so this trusts them.</summary>
    public void Apply(DirectoryEntry entry)
    {
        switch (entry.Change)
        {
            case TenantRegistered c:
                Tenant = new TenantInfo
                {
                    TenantId = TenantId, Profile = c.Profile,
                    CreatedBy = entry.RecordedBy, CreatedAt = entry.RecordedAt,
                    UpdatedBy = entry.RecordedBy, UpdatedAt = entry.RecordedAt,
                };
                break;
            case TenantProfileUpdated c when Tenant is not null:
                Tenant = Tenant with { Profile = c.Profile, UpdatedBy = entry.RecordedBy, UpdatedAt = entry.RecordedAt };
                break;
            case ObligationOverridesSet:
                ObligationOverrides = ObligationOverridesEntry.Of(entry);
                break;
            case NodeChange c:
                ApplyToNode(entry, c);
                _history[c.NodeId].Add(entry);
                break;
        }

        _byRequestId[entry.RequestId] = entry;
        LastSequence = entry.Sequence;
    }

    private void ApplyToNode(DirectoryEntry entry, NodeChange change)
    {
        var id = change.NodeId;
        switch (change)
        {
            case NodeCreated c:
                var parentId = DirectoryChecks.RootAsNull(c.ParentId);
                Tree.Add(id, c.Kind, c.Name, parentId);
                _nodeIndex[id] = _nodes.Count;
                _nodes.Add(new DirectoryNode
                {
                    NodeId = id, Kind = c.Kind, Name = c.Name, ParentId = parentId,
                    CreatedBy = entry.RecordedBy, CreatedAt = entry.RecordedAt,
                    UpdatedBy = entry.RecordedBy, UpdatedAt = entry.RecordedAt,
                });
                _history[id] = [];
                break;
            case NodeRenamed c:
                Tree.Rename(id, c.Name);
                Update(entry, id, n => n with { Name = c.Name });
                break;
            case NodeMoved c:
                Tree.Move(id, DirectoryChecks.RootAsNull(c.ParentId));
                Update(entry, id, n => n with { ParentId = DirectoryChecks.RootAsNull(c.ParentId) });
                break;
            case NodeClosed c:
                Tree.Close(id);
                Update(entry, id, n => n with { IsClosed = true, CloseReason = c.Reason, ClosedAt = entry.RecordedAt });
                break;
            case RosterSet c:
                var roster = new RosterEntry
                {
                    NodeId = id, Roster = c.Roster, Sequence = entry.Sequence,
                    RequestId = entry.RequestId, RecordedBy = entry.RecordedBy, RecordedAt = entry.RecordedAt,
                };
                _rosters.Add(roster);
                if (!_rostersByNode.TryGetValue(id, out var list))
                {
                    _rostersByNode[id] = list = [];
                }

                list.Add(roster);
                break;
        }
    }

    private void Update(DirectoryEntry entry, string nodeId, Func<DirectoryNode, DirectoryNode> change)
    {
        var at = _nodeIndex[nodeId];
        _nodes[at] = change(_nodes[at]) with { UpdatedBy = entry.RecordedBy, UpdatedAt = entry.RecordedAt };
    }

    // 'after' counts the items of the (unfiltered) list already passed, so a cursor stays valid
    // however the list grows; the next cursor is set only when another match exists.
    private static DirectoryPage<T> Page<T>(IReadOnlyList<T> items, long after, int pageSize, Func<T, bool> matches)
    {
        var page = new List<T>();
        for (var i = (int)Math.Clamp(after, 0, items.Count); i < items.Count; i++)
        {
            if (!matches(items[i]))
            {
                continue;
            }

            if (page.Count == pageSize)
            {
                return new DirectoryPage<T>(page, i);
            }

            page.Add(items[i]);
        }

        return new DirectoryPage<T>(page, null);
    }
}
