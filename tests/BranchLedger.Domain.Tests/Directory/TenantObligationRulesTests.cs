using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Tests.Directory;

public class TenantObligationRulesTests
{
    private const string Source = "市直机关工委〔2026〕1号";
    private static readonly DateOnly From = new(2026, 1, 1);

    private static ObligationOverride Monthly(string ruleId = "branch-general-meeting") =>
        new(ruleId, From, null, Source, Frequency: Frequency.Monthly);

    private static IReadOnlyList<FieldViolation> Check(params ObligationOverride[] overrides) =>
        TenantObligationRules.Check(new Violations(), overrides).Items;

    [Fact]
    public void Stricter_overrides_of_both_levels_are_accepted() =>
        Assert.Empty(Check(Monthly(), new ObligationOverride("theory-study-group", From, null, Source, MinCount: 3)));

    [Fact]
    public void Looser_overrides_are_refused_by_field() =>
        Assert.Equal(
            ["overrides[0].frequency", "overrides[1].quorum"],
            Check(
                new ObligationOverride("branch-committee-meeting", From, null, Source, Frequency: Frequency.Yearly),
                new ObligationOverride("branch-general-meeting", From, null, Source, Quorum: QuorumRule.AtLeast(1, 3, QuorumBasis.VotingMembers)))
            .Select(v => v.Field));

    [Fact]
    public void Overrides_start_no_earlier_than_2000() =>
        Assert.Equal("overrides[0].effective_from", Assert.Single(Check(Monthly() with { EffectiveFrom = new DateOnly(1999, 1, 1) })).Field);

    [Fact]
    public void A_list_longer_than_the_ceiling_is_refused_as_a_whole()
    {
        var many = Enumerable.Range(0, TenantObligationRules.MaxOverrides + 1)
            .Select(i => new ObligationOverride("theme-day", From.AddMonths(i), From.AddMonths(i + 1).AddDays(-1), Source, MinCount: 2))
            .ToArray();
        Assert.Equal("overrides", Assert.Single(Check(many)).Field);
    }

    [Fact]
    public void Effective_rules_mark_the_overridden_versions_only()
    {
        var rules = TenantObligationRules.Effective([Monthly()]);
        var general = rules.Where(r => r.Rule.Id == "branch-general-meeting").ToList();

        Assert.Equal(DefaultObligations.All.Count + 1, rules.Count);
        Assert.Equal([false, true], general.Select(r => r.Overridden));
        Assert.Equal([Frequency.Quarterly, Frequency.Monthly], general.Select(r => r.Rule.Frequency));
        Assert.Equal(Source, general[1].Rule.Source);
        Assert.DoesNotContain(rules, r => r.Rule.Id != "branch-general-meeting" && r.Overridden);
    }

    [Fact]
    public void A_stored_override_that_no_longer_tightens_is_left_out_and_not_marked()
    {
        // e.g. a default that became stricter than an override written earlier.
        var rules = TenantObligationRules.Effective([new ObligationOverride("branch-committee-meeting", From, null, Source, MinCount: 0)]);
        Assert.Equal(DefaultObligations.All.Count, rules.Count);
        Assert.DoesNotContain(rules, r => r.Overridden);
    }

    [Fact]
    public void Rules_for_a_level_keep_overrides_of_that_level_and_ignore_the_others()
    {
        var overrides = new[] { Monthly(), new ObligationOverride("theory-study-group", From, null, Source, MinCount: 3) };

        var branch = TenantObligationRules.For(ObligationScope.Branch, overrides);
        var organisation = TenantObligationRules.For(ObligationScope.Organisation, overrides);

        Assert.All(branch, r => Assert.Equal(ObligationScope.Branch, r.AppliesTo));
        Assert.Equal(Frequency.Monthly, branch.Last(r => r.Id == "branch-general-meeting").Frequency);
        Assert.Equal(3, organisation.Last(r => r.Id == "theory-study-group").MinCount);
        Assert.DoesNotContain(organisation, r => r.Id == "branch-general-meeting");
    }

    [Fact]
    public void Replacing_needs_a_registered_tenant_and_a_change()
    {
        Assert.Null(TenantObligationRules.CanReplace("t", isRegistered: true, changesSomething: true));
        Assert.Equal(FailureCodes.TenantNotRegistered, Assert.IsType<RuleBroken>(TenantObligationRules.CanReplace("t", false, true)).Code);
        Assert.Equal(FailureCodes.NoChange, Assert.IsType<RuleBroken>(TenantObligationRules.CanReplace("t", true, false)).Code);
    }
}
