using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Tests.Directory;

public class RosterNamesTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);
    private static readonly string[] Committee = ["王书记", "李委员"];
    private static readonly string[] Everyone = ["王书记", "李委员", "张三", "赵四"];

    private static IReadOnlyList<FieldViolation> Check(
        string[]? committee = null, string[]? members = null, int committeeCount = 2, int memberCount = 4, string? secretary = "王书记") =>
        RosterRules.Check(
            new Violations(), new DateOnly(2026, 1, 1), secretary, committeeCount, memberCount, memberCount, Today,
            committee ?? Committee, members ?? Everyone).Items;

    private static string[] Fields(IReadOnlyList<FieldViolation> violations) => [.. violations.Select(v => v.Field)];

    [Fact]
    public void A_roster_naming_everyone_is_accepted() => Assert.Empty(Check());

    [Fact]
    public void Names_are_optional_both_lists_empty_keep_counts_only() =>
        Assert.Empty(Check(committee: [], members: []));

    [Fact]
    public void A_committee_of_none_needs_no_committee_names() =>
        Assert.Empty(Check(committee: [], committeeCount: 0, secretary: ""));

    [Fact]
    public void Surrounding_spaces_do_not_count()
    {
        Assert.Empty(Check(committee: [" 王书记", "李委员 "], members: ["王书记 ", " 李委员", "张三", "赵四"]));
        Assert.Equal(["王书记", "张三"], RosterRules.Trimmed([" 王书记 ", "张三\t"]));
    }

    [Fact]
    public void Member_names_must_name_all_members() =>
        Assert.Equal(["member_names"], Fields(Check(memberCount: 5)));

    [Fact]
    public void Committee_names_must_name_the_whole_committee_once_members_are_named() =>
        Assert.Equal(["committee_names"], Fields(Check(committee: ["王书记"])));

    [Fact]
    public void Committee_names_without_member_names_are_refused() =>
        Assert.Equal(["member_names"], Fields(Check(members: [])));

    [Fact]
    public void Every_committee_member_is_a_member() =>
        Assert.Equal(["committee_names[1]"], Fields(Check(committee: ["王书记", "钱五"], members: ["王书记", "李委员", "张三", "赵四"])));

    [Fact]
    public void A_named_secretary_sits_on_the_committee() =>
        Assert.Equal(["secretary"], Fields(Check(secretary: "孙书记")));

    [Fact]
    public void A_vacant_secretary_needs_no_committee_name() => Assert.Empty(Check(secretary: ""));

    [Fact]
    public void A_name_listed_twice_is_refused_pointing_at_the_first()
    {
        var violation = Assert.Single(Check(members: ["王书记", "李委员", "张三", " 张三"]));
        Assert.Equal("member_names[3]", violation.Field);
        Assert.Contains("member_names[2]", violation.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("张\n三")]
    [InlineData("张\t三")]
    [InlineData("nul\0")]
    public void Names_are_non_blank_printable_and_one_line(string bad) =>
        Assert.Equal(["member_names[2]"], Fields(Check(members: ["王书记", "李委员", bad, "赵四"])));

    [Fact]
    public void Names_are_at_most_100_characters()
    {
        var longest = new string('名', RosterRules.MaxNameLength);
        Assert.Empty(Check(members: ["王书记", "李委员", longest, "赵四"]));
        Assert.Equal(["member_names[2]"], Fields(Check(members: ["王书记", "李委员", longest + "x", "赵四"])));
    }

    [Fact]
    public void Bad_committee_entries_are_reported_by_index_without_a_cascade() =>
        Assert.Equal(["committee_names[1]"], Fields(Check(committee: ["王书记", ""])));

    [Fact]
    public void More_than_1000_named_members_is_refused_larger_nodes_keep_counts()
    {
        var many = Enumerable.Range(0, RosterRules.MaxNamedMembers + 1).Select(i => $"党员{i}").ToArray();
        var violations = RosterRules.Check(
            new Violations(), new DateOnly(2026, 1, 1), "", 0, many.Length, many.Length, Today, [], many).Items;
        Assert.Equal(["member_names"], Fields(violations));
    }

    [Fact]
    public void Every_problem_is_listed_at_once() =>
        Assert.Equal(
            ["committee_names[0]", "member_names[1]", "member_names", "committee_names"],
            Fields(Check(committee: ["", "李委员", "王书记"], members: ["王书记", "王书记", "李委员"])));
}
