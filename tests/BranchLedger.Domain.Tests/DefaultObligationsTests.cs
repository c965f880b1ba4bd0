using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using static BranchLedger.Domain.Tests.ObligationTestFacts;

namespace BranchLedger.Domain.Tests;

public class DefaultObligationsTests
{
    public static TheoryData<string> RuleIds => new(DefaultObligations.All.Select(r => r.Id));

    [Fact]
    public void The_table_has_twelve_rules_with_unique_slug_ids_and_no_problems()
    {
        Assert.Equal(12, DefaultObligations.All.Count);
        Assert.Equal(12, DefaultObligations.All.Select(r => r.Id).Distinct().Count());
        Assert.All(DefaultObligations.All, r =>
        {
            Assert.Null(r.Problem());
            Assert.Equal(DefaultObligations.Baseline, r.EffectiveFrom);
            Assert.Null(r.EffectiveTo);
            Assert.False(string.IsNullOrWhiteSpace(r.Source));
        });
    }

    [Theory]
    [InlineData("branch-general-meeting", "支部党员大会", Frequency.Quarterly, ObligationScope.Branch, "中国共产党支部工作条例（试行）")]
    [InlineData("branch-committee-meeting", "支委会", Frequency.Monthly, ObligationScope.Branch, "中国共产党支部工作条例（试行）")]
    [InlineData("small-group-meeting", "党小组会", Frequency.Monthly, ObligationScope.Branch, "中国共产党支部工作条例（试行）")]
    [InlineData("party-lecture", "党课", Frequency.Quarterly, ObligationScope.Branch, "中国共产党支部工作条例（试行）；地方规定")]
    [InlineData("secretary-lecture", "支部书记讲党课", Frequency.Yearly, ObligationScope.Branch, "中国共产党支部工作条例（试行）；地方规定")]
    [InlineData("theme-day", "主题党日", Frequency.Monthly, ObligationScope.Branch, "中国共产党支部工作条例（试行）")]
    [InlineData("organisational-life-meeting", "组织生活会", Frequency.Yearly, ObligationScope.Branch, "中国共产党支部工作条例（试行）")]
    [InlineData("member-appraisal", "民主评议党员", Frequency.Yearly, ObligationScope.Branch, "中国共产党支部工作条例（试行）")]
    [InlineData("heart-to-heart-talks", "谈心谈话", Frequency.Yearly, ObligationScope.Branch, "中国共产党支部工作条例（试行）")]
    [InlineData("democratic-life-meeting", "民主生活会", Frequency.Yearly, ObligationScope.Organisation, "县以上党和国家机关党员领导干部民主生活会若干规定")]
    [InlineData("theory-study-group", "理论学习中心组学习", Frequency.Quarterly, ObligationScope.Organisation, "省级党委理论学习中心组学习规定")]
    [InlineData("party-building-review", "党组听取党建工作汇报", Frequency.Quarterly, ObligationScope.Organisation, "租户参数（默认每季度一次）")]
    public void Each_rule_matches_the_table(string id, string name, Frequency frequency, ObligationScope scope, string source)
    {
        var rule = Assert.Single(DefaultObligations.All, r => r.Id == id);
        Assert.Equal(name, rule.Name);
        Assert.Equal(frequency, rule.Frequency);
        Assert.Equal(1, rule.MinCount);
        Assert.Equal(scope, rule.AppliesTo);
        Assert.Equal(source, rule.Source);
    }

    [Fact]
    public void Only_three_rules_carry_a_quorum_and_each_names_its_basis()
    {
        var withQuorum = DefaultObligations.All.Where(r => r.Quorum is not null).ToDictionary(r => r.Id, r => r.Quorum!);
        Assert.Equal(3, withQuorum.Count);
        Assert.Equal(QuorumRule.MoreThanHalfOf(QuorumBasis.VotingMembers), withQuorum["branch-general-meeting"]);
        Assert.Equal(QuorumRule.MoreThanHalfOf(QuorumBasis.CommitteeMembers), withQuorum["branch-committee-meeting"]);
        Assert.Equal(QuorumRule.AtLeast(2, 3, QuorumBasis.ExpectedAttendees), withQuorum["democratic-life-meeting"]);
    }

    [Fact]
    public void Subjects_name_the_recorded_things()
    {
        Assert.Equal(ObligationSubject.MeetingOf(MeetingKind.BranchGeneralMeeting), DefaultObligations.BranchGeneralMeeting.Subject);
        Assert.Equal(ObligationSubject.SecretaryLecture, DefaultObligations.SecretaryLecture.Subject);
        Assert.Equal(ObligationSubject.PartyBuildingReview, DefaultObligations.PartyBuildingReview.Subject);
        Assert.Equal(ObligationSubject.TalkPairs, DefaultObligations.HeartToHeartTalks.Subject);
        Assert.Equal(ObligationSubject.MeetingOf(MeetingKind.TheoryStudyGroup), DefaultObligations.TheoryStudyGroup.Subject);
    }

    [Fact]
    public void Scopes_split_the_table_nine_to_three()
    {
        Assert.Equal(9, DefaultObligations.For(ObligationScope.Branch).Count);
        Assert.Equal(
            ["democratic-life-meeting", "theory-study-group", "party-building-review"],
            DefaultObligations.For(ObligationScope.Organisation).Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_is_met_by_one_qualifying_record_per_period_and_missed_without(string id)
    {
        var rule = Assert.Single(DefaultObligations.All, r => r.Id == id);
        var year = Period.Year(2025);
        var today = D(2026, 1, 10);
        var periods = year.SubPeriods(rule.Frequency.PeriodKind());

        // One record in the middle of every period of the rule's frequency.
        var activities = new List<ActivityFact>();
        var talks = new List<TalkPairFact>();
        foreach (var p in periods)
        {
            var day = p.Start.AddDays(10);
            if (rule.Subject.Kind == SubjectKind.TalkPairs)
            {
                talks.Add(Talk(day, "书记", "委员"));
            }
            else
            {
                activities.Add(Activity(rule.Subject, day, attendees: 18, expected: 18));
            }
        }

        TalkRosterFact[] people = [new(D(2018, 1, 1), ["书记", "委员"], ["书记", "委员"])];
        var met = Single(Evaluate([rule], activities, year, today, talks: talks, talkRosters: people));
        Assert.Equal(periods.Count, met.Rows.Count);
        Assert.All(met.Rows, r => Assert.Equal(ObligationStatus.Met, r.Status));
        Assert.Equal(1.0, met.Summary.Rate);

        var missed = Single(Evaluate([rule], [], year, today, talkRosters: people));
        Assert.All(missed.Rows, r => Assert.Equal(ObligationStatus.Missed, r.Status));
        Assert.Equal(periods.Count, missed.Summary.Missed);
        Assert.Equal(0.0, missed.Summary.Rate);
    }
}
