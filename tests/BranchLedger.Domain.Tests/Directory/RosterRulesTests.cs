using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Tests.Directory;

public class RosterRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static IReadOnlyList<FieldViolation> Check(
        DateOnly? from = null, string? secretary = "王书记", int committee = 5, int members = 30, int voting = 28) =>
        RosterRules.Check(new Violations(), from ?? new DateOnly(2026, 1, 1), secretary, committee, members, voting, Today).Items;

    private static string Field(IReadOnlyList<FieldViolation> violations) => Assert.Single(violations).Field;

    [Fact]
    public void A_plausible_roster_is_accepted() => Assert.Empty(Check());

    [Fact]
    public void A_vacant_secretary_and_an_empty_node_are_accepted() =>
        Assert.Empty(Check(secretary: "", committee: 0, members: 0, voting: 0));

    [Fact]
    public void Counts_may_equal_members() => Assert.Empty(Check(committee: 7, members: 7, voting: 7));

    [Theory]
    [InlineData(-1, 30, 28, "committee_members")]
    [InlineData(RosterRules.MaxCommitteeMembers + 1, 100_000, 28, "committee_members")]
    [InlineData(5, -1, 0, "members")]
    [InlineData(5, RosterRules.MaxMembers + 1, 28, "members")]
    [InlineData(5, 30, -3, "voting_members")]
    [InlineData(5, 30, RosterRules.MaxMembers + 1, "voting_members")]
    public void Counts_are_never_negative_and_have_a_ceiling(int committee, int members, int voting, string field) =>
        Assert.Equal(field, Field(Check(committee: committee, members: members, voting: voting)));

    [Fact]
    public void Voting_members_cannot_exceed_members() =>
        Assert.Equal("voting_members", Field(Check(members: 30, voting: 31)));

    [Fact]
    public void Committee_members_cannot_exceed_members() =>
        Assert.Equal("committee_members", Field(Check(committee: 5, members: 4, voting: 4)));

    [Fact]
    public void A_count_out_of_range_is_not_also_compared_with_members() =>
        Assert.Equal(["members"], Check(members: -1, voting: 5).Select(v => v.Field));

    [Theory]
    [InlineData(1999, 12, 31)]
    [InlineData(2027, 3, 2)]
    [InlineData(9999, 1, 1)]
    public void Effective_dates_before_2000_or_over_a_year_ahead_are_refused(int y, int m, int d) =>
        Assert.Equal("effective_from", Field(Check(from: new DateOnly(y, m, d))));

    [Fact]
    public void Effective_dates_up_to_a_year_ahead_are_accepted()
    {
        Assert.Empty(Check(from: Today.AddYears(1)));
        Assert.Empty(Check(from: RosterRules.EarliestDate));
    }

    [Theory]
    [InlineData("王\n书记")]
    [InlineData("nul\0")]
    public void The_secretary_is_a_printable_one_line_display_name(string secretary) =>
        Assert.Equal("secretary", Field(Check(secretary: secretary)));

    [Fact]
    public void The_secretary_name_has_a_limit() =>
        Assert.Equal("secretary", Field(Check(secretary: new string('王', RosterRules.MaxSecretaryLength + 1))));

    private sealed record Entry(DateOnly From, string Label);

    [Fact]
    public void The_roster_in_effect_is_the_latest_started_and_for_one_start_the_last_recorded()
    {
        Entry[] recorded =
        [
            new(new DateOnly(2025, 1, 1), "2025"),
            new(new DateOnly(2026, 1, 1), "2026"),
            new(new DateOnly(2024, 1, 1), "2024 entered late"),
            new(new DateOnly(2026, 1, 1), "2026 corrected"),
        ];

        string? On(int y, int m, int d) => RosterRules.InEffectOn(recorded, e => e.From, new DateOnly(y, m, d))?.Label;

        Assert.Null(On(2023, 12, 31));
        Assert.Equal("2024 entered late", On(2024, 6, 1));
        Assert.Equal("2025", On(2025, 12, 31));
        Assert.Equal("2026 corrected", On(2026, 1, 1));
        Assert.Equal("2026 corrected", On(2030, 1, 1));
    }
}
