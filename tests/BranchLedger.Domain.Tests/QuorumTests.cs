using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using static BranchLedger.Domain.Tests.ObligationTestFacts;

namespace BranchLedger.Domain.Tests;

public class QuorumTests
{
    private static readonly DateOnly AfterYear = D(2027, 1, 5);
    private static readonly Period Q1 = Period.Quarter(2026, 1);

    private static ObligationRow GeneralMeetingRow(int voting, params ActivityFact[] meetings) =>
        Row(Evaluate([DefaultObligations.BranchGeneralMeeting], meetings, Q1, AfterYear, rosters: [Roster(D(2020, 1, 1), voting: voting)]), "2026-Q1");

    [Theory]
    [InlineData(10, 5, false)] // exactly half is not more than half
    [InlineData(10, 6, true)]
    [InlineData(9, 4, false)]
    [InlineData(9, 5, true)]
    [InlineData(1, 1, true)]
    [InlineData(2, 1, false)]
    public void A_general_meeting_needs_more_than_half_of_the_voting_members(int voting, int present, bool counts)
    {
        var row = GeneralMeetingRow(voting, Meeting(MeetingKind.BranchGeneralMeeting, D(2026, 2, 10), attendees: present, expected: voting));
        Assert.Equal(counts ? ObligationStatus.Met : ObligationStatus.Missed, row.Status);
        Assert.Equal(counts ? 0 : 1, row.QuorumFailures.Count);
        Assert.Equal(counts ? 1 : 0, row.Raw);
    }

    [Fact]
    public void A_quorum_failure_shows_the_basis_the_required_and_the_present_numbers()
    {
        var meeting = Meeting(MeetingKind.BranchGeneralMeeting, D(2026, 2, 10), attendees: 5, expected: 10, sequence: 77);
        var failure = Assert.Single(GeneralMeetingRow(10, meeting).QuorumFailures);
        Assert.Equal(new QuorumFailure(77, D(2026, 2, 10), QuorumRule.MoreThanHalfOf(QuorumBasis.VotingMembers), 10, 6, 5), failure);
    }

    [Fact]
    public void A_failed_meeting_does_not_count_but_a_quorate_one_in_the_same_quarter_does()
    {
        var failed = Meeting(MeetingKind.BranchGeneralMeeting, D(2026, 1, 10), attendees: 3);
        var held = Meeting(MeetingKind.BranchGeneralMeeting, D(2026, 3, 10), attendees: 8);
        var row = GeneralMeetingRow(12, failed, held);
        Assert.Equal(ObligationStatus.Met, row.Status);
        Assert.Equal([held.Sequence], row.Sequences);
        Assert.Equal(failed.Sequence, Assert.Single(row.QuorumFailures).Sequence);
    }

    [Fact]
    public void The_roster_in_force_on_the_meeting_day_decides_not_the_latest_one()
    {
        RosterFact[] rosters = [Roster(D(2025, 1, 1), voting: 10), Roster(D(2026, 2, 15), voting: 20)];
        var before = Meeting(MeetingKind.BranchGeneralMeeting, D(2026, 2, 14), attendees: 6);
        var onTheDay = Meeting(MeetingKind.BranchGeneralMeeting, D(2026, 2, 15), attendees: 6);

        var row = Row(Evaluate([DefaultObligations.BranchGeneralMeeting], [before, onTheDay], Q1, AfterYear, rosters: rosters), "2026-Q1");
        Assert.Equal([before.Sequence], row.Sequences);
        var failure = Assert.Single(row.QuorumFailures);
        Assert.Equal((onTheDay.Sequence, 20, 11), (failure.Sequence, failure.BasisCount!.Value, failure.RequiredPresent!.Value));
    }

    [Fact]
    public void Rosters_may_arrive_in_any_order_and_the_last_given_wins_a_tie()
    {
        RosterFact[] rosters = [Roster(D(2026, 1, 1), voting: 30), Roster(D(2025, 1, 1), voting: 4), Roster(D(2026, 1, 1), voting: 10)];
        var meeting = Meeting(MeetingKind.BranchGeneralMeeting, D(2026, 3, 1), attendees: 6);
        var row = Row(Evaluate([DefaultObligations.BranchGeneralMeeting], [meeting], Q1, AfterYear, rosters: rosters), "2026-Q1");
        Assert.Equal(ObligationStatus.Met, row.Status);
    }

    [Fact]
    public void Without_a_roster_in_force_or_with_a_zero_basis_a_quorum_cannot_be_established()
    {
        var meeting = Meeting(MeetingKind.BranchGeneralMeeting, D(2026, 3, 1), attendees: 6);
        var noRoster = Row(Evaluate([DefaultObligations.BranchGeneralMeeting], [meeting], Q1, AfterYear, rosters: [Roster(D(2026, 3, 2))]), "2026-Q1");
        var failure = Assert.Single(noRoster.QuorumFailures);
        Assert.Null(failure.BasisCount);
        Assert.Null(failure.RequiredPresent);
        Assert.Equal(ObligationStatus.Missed, noRoster.Status);

        Assert.Equal(ObligationStatus.Missed, GeneralMeetingRow(0, meeting).Status);
    }

    [Theory]
    [InlineData(4, 2, false)]
    [InlineData(4, 3, true)]
    [InlineData(5, 3, true)]
    [InlineData(7, 3, false)]
    public void A_committee_meeting_needs_more_than_half_of_the_committee(int committee, int present, bool counts)
    {
        var report = Evaluate(
            [DefaultObligations.BranchCommitteeMeeting],
            [Meeting(MeetingKind.BranchCommitteeMeeting, D(2026, 5, 6), attendees: present, expected: committee)],
            Period.Month(2026, 5),
            AfterYear,
            rosters: [Roster(D(2020, 1, 1), members: 40, voting: 38, committee: committee)]);
        Assert.Equal(counts ? ObligationStatus.Met : ObligationStatus.Missed, Row(report, "2026-05").Status);
    }

    [Theory]
    [InlineData(9, 6, true)]
    [InlineData(9, 5, false)]
    [InlineData(7, 5, true)]  // 2/3 of 7 is 4.67: at least 5
    [InlineData(7, 4, false)]
    [InlineData(6, 4, true)]  // exactly 2/3 is enough: "at least"
    [InlineData(0, 3, false)] // expected attendees not recorded
    public void A_democratic_life_meeting_needs_two_thirds_of_its_expected_attendees(int expected, int present, bool counts)
    {
        var report = Evaluate(
            [DefaultObligations.DemocraticLifeMeeting],
            [Meeting(MeetingKind.DemocraticLifeMeeting, D(2026, 12, 20), attendees: present, expected: expected)],
            Period.Year(2026),
            AfterYear,
            rosters: [Roster(D(2020, 1, 1), members: 100, voting: 100, committee: 100)]); // the roster plays no part
        Assert.Equal(counts ? ObligationStatus.Met : ObligationStatus.Missed, Row(report, "2026").Status);
    }

    [Theory]
    [InlineData(1, 2, true, 10, 6)]
    [InlineData(1, 2, false, 10, 5)]
    [InlineData(2, 3, false, 9, 6)]
    [InlineData(2, 3, true, 9, 7)]
    [InlineData(2, 3, false, 10, 7)]
    [InlineData(1, 2, true, 0, 1)]
    [InlineData(1, 1, false, 13, 13)]
    public void Required_present_uses_exact_integer_arithmetic(int n, int d, bool strict, int basis, int required) =>
        Assert.Equal(required, new QuorumRule(QuorumBasis.Members, n, d, strict).RequiredPresent(basis));

    [Fact]
    public void Strictness_compares_fractions_and_the_more_than_at_least_distinction()
    {
        var moreThanHalf = QuorumRule.MoreThanHalfOf(QuorumBasis.VotingMembers);
        Assert.True(QuorumRule.AtLeast(2, 3, QuorumBasis.VotingMembers).IsAtLeastAsStrictAs(moreThanHalf));
        Assert.True(moreThanHalf.IsAtLeastAsStrictAs(QuorumRule.AtLeast(1, 2, QuorumBasis.VotingMembers)));
        Assert.False(QuorumRule.AtLeast(1, 2, QuorumBasis.VotingMembers).IsAtLeastAsStrictAs(moreThanHalf));
        Assert.False(QuorumRule.AtLeast(2, 5, QuorumBasis.VotingMembers).IsAtLeastAsStrictAs(moreThanHalf));
        Assert.True(new QuorumRule(QuorumBasis.VotingMembers, 2, 4, true).IsAtLeastAsStrictAs(moreThanHalf));
        Assert.False(QuorumRule.MoreThanHalfOf(QuorumBasis.Members).IsAtLeastAsStrictAs(moreThanHalf));
    }

    [Fact]
    public void Display_names_follow_the_regulations_wording()
    {
        Assert.Equal("超过有表决权党员的半数", QuorumRule.MoreThanHalfOf(QuorumBasis.VotingMembers).DisplayName);
        Assert.Equal("不少于应到会人数的2/3", QuorumRule.AtLeast(2, 3, QuorumBasis.ExpectedAttendees).DisplayName);
    }
}
