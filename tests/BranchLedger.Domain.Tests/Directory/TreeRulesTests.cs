using BranchLedger.Domain.Directory;

namespace BranchLedger.Domain.Tests.Directory;

public class TreeRulesTests
{
    // party-group (党组)
    // ├── office-committee (机关党委)
    // │   ├── general-branch (党总支)
    // │   │   └── branch-a (党支部)
    // │   │       └── group-a (党小组)
    // │   └── branch-b (党支部)
    // └── old-branch (党支部, closed)
    private static OrganisationTree Sample()
    {
        var tree = new OrganisationTree();
        tree.Add("party-group", NodeKind.Organisation, "党组", null);
        tree.Add("office-committee", NodeKind.Organisation, "机关党委", "party-group");
        tree.Add("general-branch", NodeKind.GeneralBranch, "第一党总支", "office-committee");
        tree.Add("branch-a", NodeKind.Branch, "第一党支部", "general-branch");
        tree.Add("group-a", NodeKind.SmallGroup, "第一党小组", "branch-a");
        tree.Add("branch-b", NodeKind.Branch, "第二党支部", "office-committee");
        tree.Add("old-branch", NodeKind.Branch, "原党支部", "party-group");
        tree.Close("old-branch");
        return tree;
    }

    private static RuleBroken Broken(DirectoryFailure? failure, string code, string subject)
    {
        var broken = Assert.IsType<RuleBroken>(failure);
        Assert.Equal(code, broken.Code);
        Assert.Equal(subject, broken.Subject);
        return broken;
    }

    [Theory]
    [InlineData(NodeKind.Organisation, null, true)]
    [InlineData(NodeKind.Organisation, NodeKind.Organisation, true)]
    [InlineData(NodeKind.Organisation, NodeKind.GeneralBranch, false)]
    [InlineData(NodeKind.Organisation, NodeKind.Branch, false)]
    [InlineData(NodeKind.GeneralBranch, NodeKind.Organisation, true)]
    [InlineData(NodeKind.GeneralBranch, null, false)]
    [InlineData(NodeKind.GeneralBranch, NodeKind.GeneralBranch, false)]
    [InlineData(NodeKind.Branch, NodeKind.Organisation, true)]
    [InlineData(NodeKind.Branch, NodeKind.GeneralBranch, true)]
    [InlineData(NodeKind.Branch, null, false)]
    [InlineData(NodeKind.Branch, NodeKind.Branch, false)]
    [InlineData(NodeKind.SmallGroup, NodeKind.Branch, true)]
    [InlineData(NodeKind.SmallGroup, NodeKind.Organisation, false)]
    [InlineData(NodeKind.SmallGroup, NodeKind.GeneralBranch, false)]
    [InlineData(NodeKind.SmallGroup, NodeKind.SmallGroup, false)]
    [InlineData(NodeKind.SmallGroup, null, false)]
    [InlineData(NodeKind.Unspecified, null, false)]
    [InlineData(NodeKind.Unspecified, NodeKind.Organisation, false)]
    public void Each_kind_sits_only_under_its_allowed_parents(NodeKind child, NodeKind? parent, bool allowed) =>
        Assert.Equal(allowed, TreeRules.IsAllowedUnder(child, parent));

    [Fact]
    public void An_organisation_may_be_a_root_or_sit_under_another_organisation()
    {
        var tree = Sample();
        Assert.Null(TreeRules.CanCreate(tree, "second-group", NodeKind.Organisation, null));
        Assert.Null(TreeRules.CanCreate(tree, "sub-committee", NodeKind.Organisation, "office-committee"));
    }

    [Fact]
    public void A_node_under_a_parent_of_the_wrong_kind_or_at_the_root_is_refused()
    {
        var tree = Sample();
        Broken(TreeRules.CanCreate(tree, "x-group", NodeKind.SmallGroup, "general-branch"), FailureCodes.ParentKindNotAllowed, "parent_id");
        Broken(TreeRules.CanCreate(tree, "x-branch", NodeKind.Branch, null), FailureCodes.ParentKindNotAllowed, "parent_id");
        Broken(TreeRules.CanCreate(tree, "x-general", NodeKind.GeneralBranch, "branch-a"), FailureCodes.ParentKindNotAllowed, "parent_id");
    }

    [Fact]
    public void Ids_are_unique_in_the_tenant_closed_nodes_included()
    {
        var tree = Sample();
        var open = Assert.IsType<ResourceExists>(TreeRules.CanCreate(tree, "branch-a", NodeKind.Branch, "office-committee"));
        var closed = Assert.IsType<ResourceExists>(TreeRules.CanCreate(tree, "old-branch", NodeKind.Branch, "office-committee"));
        Assert.Equal((DirectoryResource.Node, "branch-a"), (open.Resource, open.Id));
        Assert.Equal("old-branch", closed.Id);
    }

    [Fact]
    public void A_child_of_an_unknown_parent_is_missing_its_parent()
    {
        var missing = Assert.IsType<ResourceMissing>(TreeRules.CanCreate(Sample(), "x-branch", NodeKind.Branch, "nowhere"));
        Assert.Equal((DirectoryResource.Node, "nowhere"), (missing.Resource, missing.Id));
    }

    [Fact]
    public void A_closed_node_takes_no_children() =>
        Broken(TreeRules.CanCreate(Sample(), "x-group", NodeKind.SmallGroup, "old-branch"), FailureCodes.ParentClosed, "parent_id");

    [Fact]
    public void Renaming_needs_an_open_node_and_a_different_name()
    {
        var tree = Sample();
        Assert.Null(TreeRules.CanRename(tree, "branch-a", "机关第一党支部"));
        Assert.IsType<ResourceMissing>(TreeRules.CanRename(tree, "nowhere", "名称"));
        Broken(TreeRules.CanRename(tree, "old-branch", "新名称"), FailureCodes.NodeClosed, "node_id");
        Broken(TreeRules.CanRename(tree, "branch-a", "第一党支部"), FailureCodes.NoChange, "name");
    }

    [Fact]
    public void A_node_moves_under_any_open_parent_of_an_allowed_kind()
    {
        var tree = Sample();
        Assert.Null(TreeRules.CanMove(tree, "branch-b", "general-branch"));
        Assert.Null(TreeRules.CanMove(tree, "branch-a", "party-group"));
        Assert.Null(TreeRules.CanMove(tree, "office-committee", null));
    }

    [Fact]
    public void Moving_refuses_unknown_nodes_and_parents()
    {
        var tree = Sample();
        Assert.Equal("nowhere", Assert.IsType<ResourceMissing>(TreeRules.CanMove(tree, "nowhere", "party-group")).Id);
        Assert.Equal("nowhere", Assert.IsType<ResourceMissing>(TreeRules.CanMove(tree, "branch-a", "nowhere")).Id);
    }

    [Fact]
    public void A_move_under_the_node_itself_or_its_descendants_is_a_cycle()
    {
        var tree = Sample();
        Broken(TreeRules.CanMove(tree, "office-committee", "office-committee"), FailureCodes.MoveCreatesCycle, "new_parent_id");
        Broken(TreeRules.CanMove(tree, "party-group", "office-committee"), FailureCodes.MoveCreatesCycle, "new_parent_id");
        Broken(TreeRules.CanMove(tree, "general-branch", "branch-a"), FailureCodes.MoveCreatesCycle, "new_parent_id");
    }

    [Fact]
    public void Closed_nodes_do_not_move_and_take_no_moved_children()
    {
        var tree = Sample();
        Broken(TreeRules.CanMove(tree, "old-branch", "office-committee"), FailureCodes.NodeClosed, "node_id");
        tree.Add("old-org", NodeKind.Organisation, "原机关党委", "party-group");
        tree.Close("old-org");
        Broken(TreeRules.CanMove(tree, "branch-b", "old-org"), FailureCodes.ParentClosed, "new_parent_id");
    }

    [Fact]
    public void A_move_to_where_the_node_is_changes_nothing_and_is_refused()
    {
        var tree = Sample();
        Broken(TreeRules.CanMove(tree, "branch-b", "office-committee"), FailureCodes.NoChange, "new_parent_id");
        Broken(TreeRules.CanMove(tree, "party-group", null), FailureCodes.NoChange, "new_parent_id");
    }

    [Fact]
    public void A_move_keeps_the_kind_rules()
    {
        var tree = Sample();
        Broken(TreeRules.CanMove(tree, "branch-b", null), FailureCodes.ParentKindNotAllowed, "new_parent_id");
        Broken(TreeRules.CanMove(tree, "group-a", "general-branch"), FailureCodes.ParentKindNotAllowed, "new_parent_id");
        Broken(TreeRules.CanMove(tree, "general-branch", "branch-b"), FailureCodes.ParentKindNotAllowed, "new_parent_id");
    }

    [Fact]
    public void A_node_closes_only_once_and_only_without_open_children()
    {
        var tree = Sample();
        Assert.Null(TreeRules.CanClose(tree, "group-a"));
        Assert.Null(TreeRules.CanClose(tree, "branch-b"));
        Broken(TreeRules.CanClose(tree, "branch-a"), FailureCodes.OpenChildren, "node_id");
        Broken(TreeRules.CanClose(tree, "party-group"), FailureCodes.OpenChildren, "node_id");
        Broken(TreeRules.CanClose(tree, "old-branch"), FailureCodes.NodeClosed, "node_id");
        Assert.IsType<ResourceMissing>(TreeRules.CanClose(tree, "nowhere"));
    }

    [Fact]
    public void Closed_children_do_not_keep_a_parent_open()
    {
        var tree = Sample();
        tree.Close("group-a");
        Assert.Null(TreeRules.CanClose(tree, "branch-a"));
    }

    [Fact]
    public void Rosters_go_to_open_nodes_only()
    {
        var tree = Sample();
        Assert.Null(TreeRules.CanSetRoster(tree, "branch-a"));
        Assert.Null(TreeRules.CanSetRoster(tree, "party-group"));
        Broken(TreeRules.CanSetRoster(tree, "old-branch"), FailureCodes.NodeClosed, "node_id");
        Assert.IsType<ResourceMissing>(TreeRules.CanSetRoster(tree, "nowhere"));
    }
}
