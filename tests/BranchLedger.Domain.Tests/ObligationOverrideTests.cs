using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Validation;
using static BranchLedger.Domain.Tests.ObligationTestFacts;

namespace BranchLedger.Domain.Tests;

public class ObligationOverrideTests
{
    private const string CitySource = "市直机关工委〔2026〕1号";
    private static readonly DateOnly July = D(2026, 7, 1);

    private static (IReadOnlyList<ObligationRule> Rules, IReadOnlyList<FieldViolation> Violations) Apply(
        params ObligationOverride[] overrides) => Apply(DefaultObligations.All, overrides);

    private static (IReadOnlyList<ObligationRule> Rules, IReadOnlyList<FieldViolation> Violations) Apply(
        IEnumerable<ObligationRule> defaults, params ObligationOverride[] overrides)
    {
        var violations = new Violations();
        var rules = ObligationOverrides.Apply(defaults, overrides, violations);
        return (rules, violations.Items);
    }

    private static ObligationOverride Override(
        string ruleId, int? minCount = null, Frequency? frequency = null, QuorumRule? quorum = null, DateOnly? from = null, DateOnly? to = null, string source = CitySource) =>
        new(ruleId, from ?? July, to, source, minCount, frequency, quorum);

    private static IEnumerable<ObligationRule> Versions(IReadOnlyList<ObligationRule> rules, string id) => rules.Where(r => r.Id == id);

    [Fact]
    public void A_higher_count_from_July_splits_the_rule_into_default_then_override()
    {
        var (rules, violations) = Apply(Override("branch-committee-meeting", minCount: 2));
        Assert.Empty(violations);
        Assert.Equal(13, rules.Count);

        var versions = Versions(rules, "branch-committee-meeting").ToList();
        Assert.Equal(2, versions.Count);
        Assert.Equal((DefaultObligations.Baseline, (DateOnly?)D(2026, 6, 30), 1), (versions[0].EffectiveFrom, versions[0].EffectiveTo, versions[0].MinCount));
        Assert.Equal((July, (DateOnly?)null, 2), (versions[1].EffectiveFrom, versions[1].EffectiveTo, versions[1].MinCount));
        Assert.Equal(CitySource, versions[1].Source);
        Assert.Equal(DefaultObligations.BranchCommitteeMeeting.Quorum, versions[1].Quorum);
        Assert.Equal("支委会", versions[1].Name);
    }

    [Fact]
    public void An_override_with_an_end_leaves_the_default_in_force_afterwards()
    {
        var (rules, violations) = Apply(Override("theme-day", minCount: 2, to: D(2026, 12, 31)));
        Assert.Empty(violations);
        var versions = Versions(rules, "theme-day").ToList();
        Assert.Equal([1, 2, 1], versions.Select(v => v.MinCount));
        Assert.Equal(D(2027, 1, 1), versions[2].EffectiveFrom);
        Assert.Null(versions[2].EffectiveTo);
    }

    [Fact]
    public void The_rule_set_for_a_date_holds_one_version_per_rule()
    {
        var overrides = new[] { Override("branch-committee-meeting", minCount: 2) };
        var violations = new Violations();
        var june = ObligationOverrides.InForceOn(DefaultObligations.All, overrides, D(2026, 6, 30), violations);
        var july = ObligationOverrides.InForceOn(DefaultObligations.All, overrides, July, violations);
        Assert.True(violations.IsEmpty);
        Assert.Equal(12, june.Count);
        Assert.Equal(12, july.Count);
        Assert.Equal(1, june.Single(r => r.Id == "branch-committee-meeting").MinCount);
        Assert.Equal(2, july.Single(r => r.Id == "branch-committee-meeting").MinCount);
        Assert.Empty(ObligationOverrides.InForceOn(DefaultObligations.All, [], D(2018, 12, 31), violations));
    }

    [Fact]
    public void A_more_frequent_period_is_stricter()
    {
        var (rules, violations) = Apply(Override("party-lecture", frequency: Frequency.Monthly));
        Assert.Empty(violations);
        Assert.Equal(Frequency.Monthly, Versions(rules, "party-lecture").Last().Frequency);
    }

    [Fact]
    public void A_less_frequent_period_is_refused_even_with_a_higher_count()
    {
        // Twelve a year could all fall in December: the quarterly default would be missed three times.
        var (rules, violations) = Apply(Override("theory-study-group", minCount: 12, frequency: Frequency.Yearly));
        Assert.Equal("overrides[0].frequency", Assert.Single(violations).Field);
        Assert.Single(Versions(rules, "theory-study-group"));
        Assert.Equal(DefaultObligations.TheoryStudyGroup, Versions(rules, "theory-study-group").Single());
    }

    [Fact]
    public void A_finer_period_must_still_add_up_to_the_default_count()
    {
        var quarterlyFour = DefaultObligations.TheoryStudyGroup with { MinCount = 4 };
        Assert.Empty(Apply([quarterlyFour], Override("theory-study-group", frequency: Frequency.Monthly)).Violations); // 4 a month
        Assert.Equal("overrides[0].min_count", Assert.Single(Apply([quarterlyFour], Override("theory-study-group", minCount: 1, frequency: Frequency.Monthly)).Violations).Field);
        Assert.Empty(Apply([quarterlyFour], Override("theory-study-group", minCount: 2, frequency: Frequency.Monthly)).Violations);
    }

    [Fact]
    public void A_change_of_frequency_must_start_and_end_on_the_default_periods_boundaries()
    {
        // Quarterly default, monthly from mid-August: July would be judged by neither version.
        var violations = Apply(Override("party-lecture", frequency: Frequency.Monthly, from: D(2026, 8, 1), to: D(2026, 11, 30))).Violations;
        Assert.Equal(["overrides[0].effective_from", "overrides[0].effective_to"], violations.Select(v => v.Field));
        Assert.Empty(Apply(Override("party-lecture", frequency: Frequency.Monthly, from: D(2026, 7, 1), to: D(2026, 12, 31))).Violations);
        Assert.Empty(Apply(Override("party-lecture", minCount: 2, from: D(2026, 8, 15))).Violations); // same frequency: any day
    }

    [Fact]
    public void A_lower_count_is_refused()
    {
        var twice = DefaultObligations.ThemeDay with { MinCount = 2 };
        var (rules, violations) = Apply([twice], Override("theme-day", minCount: 1));
        Assert.Equal("overrides[0].min_count", Assert.Single(violations).Field);
        Assert.Equal([twice], rules);
    }

    [Fact]
    public void A_stricter_quorum_on_the_same_basis_is_accepted()
    {
        var twoThirds = QuorumRule.AtLeast(2, 3, QuorumBasis.VotingMembers);
        var (rules, violations) = Apply(Override("branch-general-meeting", quorum: twoThirds));
        Assert.Empty(violations);
        Assert.Equal(twoThirds, Versions(rules, "branch-general-meeting").Last().Quorum);
    }

    [Fact]
    public void At_least_half_is_looser_than_more_than_half_and_is_refused()
    {
        var violations = Apply(Override("branch-general-meeting", quorum: QuorumRule.AtLeast(1, 2, QuorumBasis.VotingMembers))).Violations;
        Assert.Equal("overrides[0].quorum", Assert.Single(violations).Field);
    }

    [Fact]
    public void A_quorum_on_another_basis_is_refused_as_incomparable()
    {
        var violations = Apply(Override("branch-general-meeting", quorum: QuorumRule.AtLeast(2, 3, QuorumBasis.ExpectedAttendees))).Violations;
        Assert.Equal("overrides[0].quorum.basis", Assert.Single(violations).Field);
    }

    [Fact]
    public void A_quorum_may_be_added_to_a_rule_without_one_but_not_to_talks()
    {
        Assert.Empty(Apply(Override("small-group-meeting", quorum: QuorumRule.MoreThanHalfOf(QuorumBasis.Members))).Violations);
        Assert.Equal(
            "overrides[0].quorum",
            Assert.Single(Apply(Override("heart-to-heart-talks", quorum: QuorumRule.MoreThanHalfOf(QuorumBasis.Members))).Violations).Field);
    }

    [Fact]
    public void Malformed_overrides_list_every_wrong_field()
    {
        var violations = Apply(
            Override("theme-day", minCount: 0, frequency: (Frequency)9, quorum: new QuorumRule(QuorumBasis.Members, 1, 1, Strict: true), source: " ")).Violations;
        Assert.Equal(
            ["overrides[0].source", "overrides[0].min_count", "overrides[0].frequency", "overrides[0].quorum"],
            violations.Select(v => v.Field));
    }

    [Fact]
    public void Unknown_rules_empty_changes_and_reversed_dates_are_refused()
    {
        var violations = Apply(
            Override("no-such-rule", minCount: 2),
            Override("theme-day"),
            Override("theme-day", minCount: 2, from: D(2026, 7, 1), to: D(2026, 6, 30))).Violations;
        Assert.Equal(["overrides[0].rule_id", "overrides[1].rule_id", "overrides[2].effective_to"], violations.Select(v => v.Field));
    }

    [Fact]
    public void Overlapping_overrides_of_one_rule_are_refused_but_adjacent_ones_are_fine()
    {
        var (rules, violations) = Apply(
            Override("theme-day", minCount: 2, from: D(2026, 1, 1), to: D(2026, 6, 30)),
            Override("theme-day", minCount: 3, from: D(2026, 6, 30)),
            Override("theme-day", minCount: 4, from: D(2026, 7, 1)));
        Assert.Equal("overrides[1].effective_from", Assert.Single(violations).Field);
        Assert.Equal([1, 2, 4], Versions(rules, "theme-day").Select(v => v.MinCount));
    }

    [Fact]
    public void An_override_outside_the_rules_dates_is_refused()
    {
        var retired = DefaultObligations.ThemeDay with { EffectiveTo = D(2020, 12, 31) };
        Assert.Equal("overrides[0].effective_from", Assert.Single(Apply([retired], Override("theme-day", minCount: 2)).Violations).Field);
    }

    [Fact]
    public void An_override_starting_before_the_rule_applies_only_while_the_rule_does()
    {
        var (rules, violations) = Apply(Override("theme-day", minCount: 2, from: D(2010, 1, 1), to: D(2019, 6, 30)));
        Assert.Empty(violations);
        var versions = Versions(rules, "theme-day").ToList();
        Assert.Equal((DefaultObligations.Baseline, 2), (versions[0].EffectiveFrom, versions[0].MinCount));
        Assert.Equal((D(2019, 7, 1), 1), (versions[1].EffectiveFrom, versions[1].MinCount));
    }

    [Fact]
    public void Evaluation_uses_the_override_only_from_its_first_period()
    {
        var (rules, _) = Apply(Override("branch-committee-meeting", minCount: 2));
        var activities = new[]
        {
            Meeting(MeetingKind.BranchCommitteeMeeting, D(2026, 6, 10), attendees: 5),
            Meeting(MeetingKind.BranchCommitteeMeeting, D(2026, 7, 10), attendees: 5),
            Meeting(MeetingKind.BranchCommitteeMeeting, D(2026, 8, 10), attendees: 5),
            Meeting(MeetingKind.BranchCommitteeMeeting, D(2026, 8, 20), attendees: 5),
        };
        var report = Evaluate(rules.Where(r => r.Id == "branch-committee-meeting"), activities, Period.Year(2026), D(2027, 1, 1));
        Assert.Equal(ObligationStatus.Met, Row(report, "2026-06").Status);
        Assert.Equal(ObligationStatus.Missed, Row(report, "2026-07").Status);
        Assert.Equal(ObligationStatus.Met, Row(report, "2026-08").Status);
        Assert.Equal(2, Row(report, "2026-08").Required);
    }
}
