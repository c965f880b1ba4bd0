using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Tests.Directory;

public class NodeImportRulesTests
{
    // party-group (党组) → old-branch (党支部, closed)
    private static OrganisationTree Sample()
    {
        var tree = new OrganisationTree();
        tree.Add("party-group", NodeKind.Organisation, "党组", null);
        tree.Add("old-branch", NodeKind.Branch, "原党支部", "party-group");
        tree.Close("old-branch");
        return tree;
    }

    private static NodeImportStep Create(string id, NodeKind kind, string? parent, bool roster = false) => new(id, kind, parent, true, roster);

    private static IReadOnlyList<string> Fields(Violations v) => [.. v.Items.Select(i => i.Field)];

    [Fact]
    public void A_parent_created_earlier_in_the_import_is_found_and_the_tree_is_left_alone()
    {
        var tree = Sample();
        var steps = new[]
        {
            Create("general", NodeKind.GeneralBranch, "party-group"),
            Create("branch-1", NodeKind.Branch, "general", roster: true),
            Create("group-1", NodeKind.SmallGroup, "branch-1"),
        };

        Assert.Null(NodeImportRules.CanImport(tree, steps));
        Assert.Equal(2, tree.Count);
        Assert.Null(tree.Find("general"));
    }

    [Fact]
    public void A_child_before_its_parent_names_the_child_item()
    {
        var failure = NodeImportRules.CanImport(Sample(), [
            Create("branch-1", NodeKind.Branch, "general"),
            Create("general", NodeKind.GeneralBranch, "party-group"),
        ]);

        var missing = Assert.IsType<ResourceMissing>(failure);
        Assert.Equal("general", missing.Id);
        Assert.StartsWith("nodes[0]: ", missing.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_rules_are_named_by_item_and_field()
    {
        var wrongKind = NodeImportRules.CanImport(Sample(), [
            Create("general", NodeKind.GeneralBranch, "party-group"),
            Create("group-1", NodeKind.SmallGroup, "general"),
        ]);
        var closedParent = NodeImportRules.CanImport(Sample(), [Create("group-1", NodeKind.SmallGroup, "old-branch")]);
        var closedRoster = NodeImportRules.CanImport(Sample(), [new NodeImportStep("old-branch", NodeKind.Branch, "party-group", false, true)]);

        Assert.Equal(("PARENT_KIND_NOT_ALLOWED", "nodes[1].parent_id"), Rule(wrongKind));
        Assert.Equal(("PARENT_CLOSED", "nodes[0].parent_id"), Rule(closedParent));
        Assert.Equal(("NODE_CLOSED", "nodes[0].roster.node_id"), Rule(closedRoster));
    }

    [Fact]
    public void An_existing_node_or_one_created_twice_exists_already()
    {
        var existing = NodeImportRules.CanImport(Sample(), [Create("old-branch", NodeKind.Branch, "party-group")]);
        var twice = NodeImportRules.CanImport(Sample(), [
            Create("branch-1", NodeKind.Branch, "party-group"),
            Create("branch-1", NodeKind.Branch, "party-group"),
        ]);

        Assert.Equal("old-branch", Assert.IsType<ResourceExists>(existing).Id);
        Assert.StartsWith("nodes[1]: ", Assert.IsType<ResourceExists>(twice).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replayed_node_is_not_checked_again()
    {
        var tree = Sample();
        tree.Add("branch-1", NodeKind.Branch, "原", "party-group");

        Assert.Null(NodeImportRules.CanImport(tree, [new NodeImportStep("branch-1", NodeKind.Branch, "party-group", false, true)]));
    }

    [Fact]
    public void The_batch_needs_one_to_the_limit_of_items_with_distinct_ids()
    {
        var empty = NodeImportRules.CheckBatch(new Violations(), "nodes", []);
        var tooMany = NodeImportRules.CheckBatch(
            new Violations(), "nodes", [.. Enumerable.Range(0, NodeImportRules.MaxNodes + 1).Select(i => new NodeImportIds($"n-{i}", $"r-{i}", null))]);
        var repeats = NodeImportRules.CheckBatch(new Violations(), "nodes", [
            new NodeImportIds("branch-1", "r-1", "r-2"),
            new NodeImportIds("branch-2", "r-2", null),
            new NodeImportIds("branch-1", "r-3", "r-3"),
        ]);
        var full = NodeImportRules.CheckBatch(
            new Violations(), "nodes", [.. Enumerable.Range(0, NodeImportRules.MaxNodes).Select(i => new NodeImportIds($"n-{i}", $"r-{i}", $"s-{i}"))]);

        Assert.Equal(["nodes"], Fields(empty));
        Assert.Equal(["nodes"], Fields(tooMany));
        Assert.Equal(["nodes[1].request_id", "nodes[2].node_id", "nodes[2].roster.request_id"], Fields(repeats));
        Assert.True(full.IsEmpty);
    }

    [Fact]
    public void Nested_violations_carry_their_prefix_and_skip_the_named_fields()
    {
        var inner = new Violations().Add("node_id", "is required").Add("members", "must be at least 0");

        var outer = new Violations().AddNested("nodes[2].roster.", inner, "node_id");

        Assert.Equal(["nodes[2].roster.members"], Fields(outer));
    }

    private static (string Code, string Subject) Rule(DirectoryFailure? failure)
    {
        var broken = Assert.IsType<RuleBroken>(failure);
        return (broken.Code, broken.Subject);
    }
}
