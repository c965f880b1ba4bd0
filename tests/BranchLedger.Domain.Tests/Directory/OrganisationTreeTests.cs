using BranchLedger.Domain.Directory;

namespace BranchLedger.Domain.Tests.Directory;

public class OrganisationTreeTests
{
    [Fact]
    public void Nodes_keep_their_kind_name_parent_and_state()
    {
        var tree = new OrganisationTree();
        tree.Add("party-group", NodeKind.Organisation, "党组", null);
        tree.Add("branch-a", NodeKind.Branch, "第一党支部", "party-group");
        tree.Rename("branch-a", "机关第一党支部");
        tree.Close("branch-a");

        Assert.Equal(new TreeNode("branch-a", NodeKind.Branch, "机关第一党支部", "party-group", IsClosed: true), tree.Find("branch-a"));
        Assert.Null(tree.Find("nowhere"));
        Assert.Equal(2, tree.Count);
    }

    [Fact]
    public void A_moved_node_leaves_its_old_parent_childless()
    {
        var tree = new OrganisationTree();
        tree.Add("org-a", NodeKind.Organisation, "甲", null);
        tree.Add("org-b", NodeKind.Organisation, "乙", null);
        tree.Add("branch", NodeKind.Branch, "支部", "org-a");

        tree.Move("branch", "org-b");

        Assert.False(tree.HasOpenChildren("org-a"));
        Assert.True(tree.HasOpenChildren("org-b"));
        Assert.True(tree.IsSelfOrDescendant("branch", "org-b"));
        Assert.False(tree.IsSelfOrDescendant("branch", "org-a"));
        Assert.True(tree.IsSelfOrDescendant("org-a", "org-a"));
    }
}
