using BranchLedger.Contracts.Directory;
using BranchLedger.Domain.Directory;

namespace BranchLedger.Grains.Directory;

/// <summary>ImportNodes: many nodes and rosters in one state write (loading a tree one call at a time rewrites the whole directory per node).</summary>
public sealed partial class TenantGrain
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<NodeImportResult>> ImportNodes(IReadOnlyList<NodeImport> nodes)
    {
        DirectoryChecks.ThrowIfInvalid(DirectoryChecks.CheckImport(nodes, clock));
        DirectoryChecks.ThrowIfFailed(TenantRules.CanChangeTree(TenantId, _view.Tenant is not null));

        // Replays first (as for a single write), then the tree's rules over what is new, in order.
        var seen = nodes.Select(n => (Node: Seen(n.Node), Roster: n.Roster is null ? null : Seen(n.Roster))).ToList();
        DirectoryChecks.ThrowIfFailed(NodeImportRules.CanImport(_view.Tree, [.. nodes.Select((n, i) => new NodeImportStep(
            n.Node.Change.NodeId, n.Node.Change.Kind, DirectoryChecks.RootAsNull(n.Node.Change.ParentId),
            CreatesNode: seen[i].Node is null, SetsRoster: n.Roster is not null && seen[i].Roster is null))]));

        var added = new List<DirectoryEntry>();
        var rosters = new DirectoryEntry?[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            if (seen[i].Node is null)
            {
                added.Add(NewEntry(nodes[i].Node, Entries.Count + added.Count + 1L));
            }

            if (nodes[i].Roster is { } roster)
            {
                rosters[i] = seen[i].Roster ?? NewEntry(roster, Entries.Count + added.Count + 1L);
                if (seen[i].Roster is null)
                {
                    added.Add(rosters[i]!);
                }
            }
        }

        await AppendAsync(added);
        await NotifyLedgersAsync([.. added.Select(e => ((NodeChange)e.Change).NodeId).Distinct()]);
        return [.. nodes.Select((n, i) => new NodeImportResult(
            _view.FindNode(n.Node.Change.NodeId)!,
            rosters[i] is { } entry ? RosterEntryOf(entry) : null,
            Replayed: seen[i].Node is not null && (n.Roster is null || seen[i].Roster is not null)))];
    }
}
