using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Tests.Directory;

public class NodeRulesTests
{
    [Theory]
    [InlineData(NodeKind.Organisation)]
    [InlineData(NodeKind.GeneralBranch)]
    [InlineData(NodeKind.Branch)]
    [InlineData(NodeKind.SmallGroup)]
    public void The_four_levels_are_kinds(NodeKind kind) => Assert.True(NodeRules.Kind(new Violations(), "kind", kind).IsEmpty);

    [Theory]
    [InlineData(NodeKind.Unspecified)]
    [InlineData((NodeKind)99)]
    public void Unspecified_and_unknown_kinds_are_refused(NodeKind kind) =>
        Assert.Equal("kind", Assert.Single(NodeRules.Kind(new Violations(), "kind", kind).Items).Field);

    [Theory]
    [InlineData("机关第一党支部")]
    [InlineData("x")]
    [InlineData("Office Branch No. 1")]
    public void Printable_one_line_names_up_to_100_characters_are_accepted(string name)
    {
        Assert.True(NodeRules.Name(new Violations(), "name", name).IsEmpty);
        Assert.True(NodeRules.Name(new Violations(), "name", new string('支', NodeRules.MaxNameLength)).IsEmpty);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("nul\0")]
    [InlineData("bell\u0007")]
    [InlineData("two\nlines")]
    [InlineData("tab\tbed")]
    public void Missing_unprintable_or_multi_line_names_are_refused_once(string? name) =>
        Assert.Equal("name", Assert.Single(NodeRules.Name(new Violations(), "name", name).Items).Field);

    // Not an InlineData: attribute strings are stored as UTF-8, which turns a lone surrogate into U+FFFD.
    [Fact]
    public void Names_with_a_lone_surrogate_are_refused() =>
        Assert.Single(NodeRules.Name(new Violations(), "name", "lone \ud800 surrogate").Items);

    [Fact]
    public void Names_over_100_characters_are_refused() =>
        Assert.Single(NodeRules.Name(new Violations(), "name", new string('支', NodeRules.MaxNameLength + 1)).Items);

    [Fact]
    public void A_reason_is_required_may_span_lines_and_has_a_limit()
    {
        Assert.True(NodeRules.Reason(new Violations(), "reason", "机构改革：\n撤并").IsEmpty);
        Assert.Single(NodeRules.Reason(new Violations(), "reason", "").Items);
        Assert.Single(NodeRules.Reason(new Violations(), "reason", new string('因', NodeRules.MaxReasonLength + 1)).Items);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("party-group", true)]
    [InlineData("Party", false)]
    [InlineData("a/b", false)]
    [InlineData("branch-a", false)]
    public void A_parent_is_optional_a_slug_and_never_the_node_itself(string? parent, bool valid) =>
        Assert.Equal(valid, NodeRules.Parent(new Violations(), "parent_id", parent, "branch-a").IsEmpty);
}
