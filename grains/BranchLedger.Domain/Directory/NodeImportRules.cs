using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Directory;

/// <summary>The ids of one item of a node import: the node and the request ids of its node and roster entries.</summary>
/// <param name="NodeId">The node to create.</param>
/// <param name="RequestId">The request id of its creation.</param>
/// <param name="RosterRequestId">The request id of its roster; null when the item has none.</param>
public sealed record NodeImportIds(string NodeId, string RequestId, string? RosterRequestId);

/// <summary>One item of a node import as the tree's rules see it.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="ParentId">Its parent; null for the root.</param>
/// <param name="CreatesNode">False when the node's creation was recorded before (a replay): nothing to check.</param>
/// <param name="SetsRoster">True when a roster not recorded before comes with it.</param>
public sealed record NodeImportStep(string NodeId, NodeKind Kind, string? ParentId, bool CreatesNode, bool SetsRoster);

/// <summary>
/// What makes a node import acceptable: many nodes (each with an optional roster) created in order in
/// one write, all or nothing. Each item is judged by <see cref="TreeRules"/> against the tree as the
/// earlier items leave it, so a parent may come earlier in the same import.
/// </summary>
public static class NodeImportRules
{
    /// <summary>The most nodes one import takes: a tenant's tree loads in a few requests, each far below the message size limit.</summary>
    public const int MaxNodes = 500;

    /// <summary>
    /// Checks the import as a whole under <paramref name="field"/> (e.g. <c>nodes</c>): 1 to
    /// <see cref="MaxNodes"/> items, node ids distinct, every request id (nodes' and rosters') distinct.
    /// </summary>
    public static Violations CheckBatch(Violations violations, string field, IReadOnlyList<NodeImportIds> items)
    {
        if (items.Count is 0 or > MaxNodes)
        {
            return violations.Add(field, $"must have 1 to {MaxNodes} nodes (has {items.Count})");
        }

        var nodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var requests = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{field}[{i}].";
            if (items[i].NodeId.Length > 0 && !nodes.TryAdd(items[i].NodeId, i))
            {
                violations.Add(at + "node_id", $"repeats {field}[{nodes[items[i].NodeId]}].node_id");
            }

            Distinct(violations, requests, at + "request_id", items[i].RequestId);
            if (items[i].RosterRequestId is { } roster)
            {
                Distinct(violations, requests, at + "roster.request_id", roster);
            }
        }

        return violations;
    }

    /// <summary>
    /// Checks the steps in order against <paramref name="tree"/> (left unchanged): null when all may be
    /// applied, otherwise the first failure, its subject or description naming the item (<c>nodes[3].parent_id</c>).
    /// </summary>
    public static DirectoryFailure? CanImport(OrganisationTree tree, IReadOnlyList<NodeImportStep> steps, string field = "nodes")
    {
        var after = tree.Copy();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.CreatesNode)
            {
                if (TreeRules.CanCreate(after, step.NodeId, step.Kind, step.ParentId) is { } failure)
                {
                    return Named(failure, $"{field}[{i}].");
                }

                after.Add(step.NodeId, step.Kind, "", step.ParentId);
            }

            if (step.SetsRoster && TreeRules.CanSetRoster(after, step.NodeId) is { } rosterFailure)
            {
                return Named(rosterFailure, $"{field}[{i}].roster.");
            }
        }

        return null;
    }

    private static void Distinct(Violations violations, Dictionary<string, string> seen, string field, string requestId)
    {
        if (requestId.Length > 0 && !seen.TryAdd(requestId, field))
        {
            violations.Add(field, $"repeats {seen[requestId]}: every entry needs its own request id");
        }
    }

    private static DirectoryFailure Named(DirectoryFailure failure, string prefix) => failure switch
    {
        RuleBroken r => r with { Subject = prefix + r.Subject },
        ResourceMissing m => m with { Description = $"{prefix.TrimEnd('.')}: {m.Description}" },
        ResourceExists e => e with { Description = $"{prefix.TrimEnd('.')}: {e.Description}" },
        _ => failure,
    };
}
