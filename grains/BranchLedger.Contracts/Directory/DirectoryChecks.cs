using BranchLedger.Contracts.Errors;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Directory;

/// <summary>
/// Runs the domain's directory rules over commands and turns their verdicts into the exceptions the
/// gateway maps. The gateway runs the field checks before calling the grain; the grain runs them
/// again because not every caller is the gateway. Field paths are those of the API's requests.
/// </summary>
public static class DirectoryChecks
{
    /// <summary>The API's name for a node, as clients see it in google.rpc.ResourceInfo.</summary>
    public const string NodeResource = "branchledger.v1.Node";

    /// <summary>The API's name for a tenant, as clients see it in google.rpc.ResourceInfo.</summary>
    public const string TenantResource = "branchledger.v1.Tenant";

    /// <summary>Checks every field of a directory command.</summary>
    public static Violations Check<TChange>(DirectoryCommand<TChange> command, TimeProvider clock, Violations? found = null)
        where TChange : DirectoryChange
    {
        var violations = (found ?? new Violations()).RequestId("request_id", command.RequestId);
        switch (command.Change as DirectoryChange)
        {
            case TenantRegistered { Profile: var p }:
                return Profile(violations, p);
            case TenantProfileUpdated { Profile: var p }:
                return Profile(violations, p);
            case NodeCreated c:
                violations.Slug("node_id", c.NodeId);
                NodeRules.Kind(violations, "kind", c.Kind);
                NodeRules.Name(violations, "name", c.Name);
                return NodeRules.Parent(violations, "parent_id", c.ParentId, c.NodeId);
            case NodeRenamed c:
                return NodeRules.Name(violations.Slug("node_id", c.NodeId), "name", c.Name);
            case NodeMoved c:
                return NodeRules.Parent(violations.Slug("node_id", c.NodeId), "new_parent_id", c.ParentId, c.NodeId);
            case NodeClosed c:
                return NodeRules.Reason(violations.Slug("node_id", c.NodeId), "reason", c.Reason);
            case RosterSet { Roster: { } r } c:
                return RosterRules.Check(
                    violations.Slug("node_id", c.NodeId),
                    r.EffectiveFrom, r.Secretary, r.CommitteeMembers, r.Members, r.VotingMembers, Today(clock),
                    r.CommitteeNames, r.MemberNames);
            case ObligationOverridesSet c:
                return TenantObligationRules.Check(violations, [.. c.Overrides.Select(o => o.ToDomain())]);
            default:
                return violations.Add("change", "is required");
        }
    }

    /// <summary>
    /// Checks every field of a node import, each item's violations named by its place
    /// (<c>nodes[3].parent_id</c>, <c>nodes[3].roster.members</c>); <paramref name="found"/> as in <see cref="Check{TChange}"/>.
    /// </summary>
    public static Violations CheckImport(IReadOnlyList<NodeImport> nodes, TimeProvider clock, Violations? found = null)
    {
        var violations = NodeImportRules.CheckBatch(
            found ?? new Violations(), "nodes",
            [.. nodes.Select(n => new NodeImportIds(n.Node.Change.NodeId ?? "", n.Node.RequestId ?? "", n.Roster?.RequestId ?? (n.Roster is null ? null : "")))]);
        for (var i = 0; i < nodes.Count; i++)
        {
            var (node, roster) = (nodes[i].Node, nodes[i].Roster);
            violations.AddNested($"nodes[{i}].", Check(node, clock));
            if (roster is not null)
            {
                // The roster's node is the item's: its id is reported once, on the node.
                violations.AddNested($"nodes[{i}].roster.", Check(roster, clock), "node_id");
                if (roster.Change.NodeId != node.Change.NodeId)
                {
                    violations.Add($"nodes[{i}].roster.node_id", "must be the node's id");
                }
            }
        }

        return violations;
    }

    /// <summary>Throws <see cref="InvalidCommandException"/> when anything was found.</summary>
    public static void ThrowIfInvalid(Violations violations)
    {
        if (!violations.IsEmpty)
        {
            throw new InvalidCommandException(
                violations.Items.Select(v => new FieldError(v.Field, v.Description)).ToList());
        }
    }

    /// <summary>Throws the exception that stands for a domain failure; does nothing for null.</summary>
    public static void ThrowIfFailed(DirectoryFailure? failure)
    {
        switch (failure)
        {
            case null:
                return;
            case ResourceMissing m:
                throw new NotFoundException(ResourceName(m.Resource), m.Id, m.Description);
            case ResourceExists e:
                throw new AlreadyExistsException(ResourceName(e.Resource), e.Id, e.Description);
            case RuleBroken r:
                throw new PreconditionFailedException(r.Code, r.Subject, r.Description);
            default:
                throw new InvalidOperationException($"Unknown directory failure {failure.GetType().Name}.");
        }
    }

    /// <summary>The answer for a node id that is not in the tenant.</summary>
    public static NotFoundException NodeNotFound(string nodeId) =>
        new(NodeResource, nodeId, $"Node '{nodeId}' does not exist.");

    /// <summary>The parent id as the tree keeps it: null for the root, however a caller spelled "none".</summary>
    public static string? RootAsNull(string? parentId) => string.IsNullOrEmpty(parentId) ? null : parentId;

    private static Violations Profile(Violations violations, TenantProfile? profile) =>
        profile is null
            ? violations.Add("profile", "is required")
            : TenantRules.CheckProfile(
                violations, "profile.", profile.DisplayName, profile.BodyKind, profile.TimeZone, profile.AttendanceRecording, profile.SessionDays);

    private static string ResourceName(DirectoryResource resource) =>
        resource == DirectoryResource.Tenant ? TenantResource : NodeResource;

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
