using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Reports;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Tests.Kinds;

/// <summary>
/// The last facts of the sample report (issue 19): the working mechanism a quarterly review is heard through, what a
/// meeting studied, an activity's theme and the party-group secretary's own 宣讲, the vanguard teams and posts of
/// 三队两岗 (a catalogue kind), and the sources of remediation. Their rules and the figures that name them.
/// </summary>
public sealed class ReplayFactsTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static IReadOnlyList<string> Fields(RecordBody body, string prefix) =>
        [.. body.Check(new Violations(), prefix, Today).Items.Select(v => v.Field).Order(StringComparer.Ordinal)];

    private static DateOnly Day(int month) => new(2026, month, 10);

    [Fact]
    public void A_review_may_name_its_mechanism_and_the_quarters_covered_are_named_by_the_mechanisms_each_once()
    {
        var review = new QuarterlyReviewDetails { Date = Today, Topic = "听取党建工作汇报", Mechanism = "“四个一”工作机制" };
        Assert.Empty(Fields(review, "quarterly_review."));
        Assert.Empty(Fields(review with { Mechanism = "" }, "quarterly_review."));
        Assert.Equal(["quarterly_review.mechanism"], Fields(review with { Mechanism = new string('机', RecordRules.MaxNameLength + 1) }, "quarterly_review."));

        var facts = ReportFacts.Empty with
        {
            QuarterlyReviews =
            [
                new QuarterlyReviewFact("g", 1, Day(3), "“四个一”工作机制"), new QuarterlyReviewFact("g", 2, Day(6)),
                new QuarterlyReviewFact("g", 3, Day(9), "“四个一”工作机制"), new QuarterlyReviewFact("g", 4, Day(12), " "),
            ],
        };
        var quarters = AnnualReportFigures.Compute(facts, 2026)[ReportFigureKeys.QuartersReviewed];
        Assert.Equal(4, quarters.Value);
        Assert.Equal(["“四个一”工作机制"], quarters.Names);
        Assert.Empty(AnnualReportFigures.Compute(facts with { QuarterlyReviews = [facts.QuarterlyReviews[1]] }, 2026)[ReportFigureKeys.QuartersReviewed].Names);
    }

    [Fact]
    public void A_meeting_records_what_it_studied_within_limits_and_the_chaired_meetings_are_named_by_their_topics()
    {
        var study = new MeetingDetails { Kind = MeetingKind.TheoryStudyGroup, Date = Today, Topic = "党组理论中心组学习", Topics = ["党的二十大精神"] };
        Assert.Empty(Fields(study, "meeting."));
        Assert.Equal(["meeting.topics[0]"], Fields(study with { Topics = [" "] }, "meeting."));
        Assert.Equal(["meeting.topics[1]"], Fields(study with { Topics = ["党的二十大精神", new string('学', RecordRules.MaxTitleLength + 1)] }, "meeting."));
        Assert.Equal(["meeting.topics"], Fields(study with { Topics = [.. Enumerable.Range(0, RecordFields.MaxTopics + 1).Select(i => $"专题{i}")] }, "meeting."));

        var facts = ReportFacts.Empty with
        {
            Meetings =
            [
                new MeetingFact("g", 1, MeetingKind.PartyGroupMeeting, Today, ChairedBySecretary: true) { Topics = ["党的二十大精神"] },
                new MeetingFact("g", 2, MeetingKind.TheoryStudyGroup, Today, ChairedBySecretary: true) { Topics = ["党的二十大精神", "习近平总书记“7.9”重要讲话精神"] },
                // Not chaired by the party-group secretary: counted elsewhere, and its topic not named here.
                new MeetingFact("g", 3, MeetingKind.TheoryStudyGroup, Today) { Topics = ["《条例》"] },
            ],
        };
        var chaired = AnnualReportFigures.Compute(facts, 2026)[ReportFigureKeys.ChairedBySecretary];
        Assert.Equal(2, chaired.Value);
        Assert.Equal(["党的二十大精神", "习近平总书记“7.9”重要讲话精神"], chaired.Names);
    }

    [Fact]
    public void The_sources_of_the_years_findings_are_named_each_once_in_ledger_order()
    {
        var facts = ReportFacts.Empty with
        {
            Findings =
            [
                new FindingReportFact("g", 2, Day(4), false, false, "巡察"), new FindingReportFact("g", 1, Day(3), true, false, "审计"),
                new FindingReportFact("g", 3, Day(5), false, false, "巡察"), new FindingReportFact("g", 4, Day(5), false, false),
                new FindingReportFact("g", 5, new DateOnly(2025, 5, 1), false, false, "督查"),
            ],
        };
        var sources = AnnualReportFigures.Compute(facts, 2026)[ReportFigureKeys.FindingSources];
        Assert.Equal(4, sources.Value);
        Assert.Equal(["审计整改", "巡察整改"], sources.Names);
    }

    private static RecordFact Fact(long sequence, string family, params (string Field, string Value)[] fields) =>
        new("g", sequence, family, Today, fields.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal));

    [Fact]
    public void Only_an_outreach_talk_is_given_by_the_party_group_secretary_and_the_activities_are_named_by_theme_and_topic()
    {
        var talk = new ActivityDetails { Kind = ActivityKind.OutreachTalk, Date = Today, Topic = "党的二十大精神", Theme = "学习宣传贯彻党的二十大精神", ByPartyGroupSecretary = true };
        Assert.Empty(Fields(talk, "activity."));
        Assert.Equal(["activity.by_party_group_secretary"], Fields(talk with { Kind = ActivityKind.SiteVisit }, "activity."));
        Assert.Equal(["activity.theme"], Fields(talk with { Theme = new string('题', RecordRules.MaxTitleLength + 1) }, "activity."));

        var facts = ReportFacts.Empty with
        {
            Records =
            [
                Fact(1, "activity", ("kind", "ACTIVITY_KIND_OATH_RENEWAL"), ("topic", "重温入党誓词"), ("theme", "学习宣传贯彻党的二十大精神"), ("by_party_group_secretary", "False")),
                Fact(2, "activity", ("kind", "ACTIVITY_KIND_SITE_VISIT"), ("topic", "现场参观"), ("theme", ""), ("by_party_group_secretary", "False")),
                Fact(3, "activity", ("kind", "ACTIVITY_KIND_OUTREACH_TALK"), ("topic", "党的二十大精神"), ("theme", "学习宣传贯彻党的二十大精神"), ("by_party_group_secretary", "True")),
                Fact(4, "activity", ("kind", "ACTIVITY_KIND_OUTREACH_TALK"), ("topic", "残疾人保障法"), ("theme", ""), ("by_party_group_secretary", "False")),
            ],
        };
        var figures = AnnualReportFigures.Compute(facts, 2026);
        Assert.Equal(["学习宣传贯彻党的二十大精神"], figures["activities.theme"].Names);
        Assert.Equal(["重温入党誓词", "现场参观"], figures["activities.named"].Names);
        Assert.Equal(["党的二十大精神"], figures["activities.led-outreach"].Names);
        Assert.Equal([new RecordRef("g", 3)], figures["activities.led-outreach"].Sources);
    }

    [Fact]
    public void A_vanguard_team_or_post_has_a_kind_and_name_and_the_report_names_them_and_the_work_they_lead()
    {
        var team = new VanguardDetails { Kind = VanguardKind.Team, Date = Today, Name = "重点工作攻坚先锋队", Campaign = "疫情防控", Role = "当先锋", Members = 8 };
        Assert.Empty(Fields(team, "vanguard."));
        Assert.Empty(Fields(team with { Campaign = "", Role = "", Members = 0 }, "vanguard."));
        Assert.Equal(["vanguard.kind", "vanguard.members", "vanguard.name", "vanguard.role"],
            Fields(team with { Kind = VanguardKind.Unspecified, Name = " ", Role = new string('先', RecordRules.MaxNameLength + 1), Members = -1 }, "vanguard."));

        var form = RecordCatalogue.Find("vanguard")!;
        Assert.Equal("先锋队（岗）", form.Label);
        Assert.Equal(RecordKindForm.GenericRpc, form.Rpc);
        Assert.Equal(["先锋队", "先锋岗"], form.Field("vanguard.kind")!.Choices.Select(c => c.Label));
        Assert.Equal("vanguard.formed", ReportCoverage.Families["vanguard"]);

        var facts = ReportFacts.Empty with
        {
            Records =
            [
                Fact(1, "vanguard", ("kind", "VANGUARD_KIND_TEAM"), ("name", "重点工作攻坚先锋队"), ("campaign", "疫情防控"), ("role", "当先锋"), ("members", "8")),
                Fact(2, "vanguard", ("kind", "VANGUARD_KIND_TEAM"), ("name", "就业服务先锋队"), ("campaign", "“五比五晒”"), ("role", "打头阵"), ("members", "6")),
                Fact(3, "vanguard", ("kind", "VANGUARD_KIND_TEAM"), ("name", "康复服务先锋队"), ("campaign", "疫情防控"), ("role", "当先锋"), ("members", "5")),
                // No campaign: named among those formed, not among the work led.
                Fact(4, "vanguard", ("kind", "VANGUARD_KIND_POST"), ("name", "党员先锋岗"), ("campaign", ""), ("role", ""), ("members", "0")),
            ],
        };
        var figures = AnnualReportFigures.Compute(facts, 2026);
        Assert.Equal(["重点工作攻坚先锋队", "就业服务先锋队", "康复服务先锋队", "党员先锋岗"], figures["vanguard.formed"].Names);
        Assert.Equal(["在疫情防控中当先锋", "在“五比五晒”中打头阵"], figures["vanguard.campaigns"].Names);
        Assert.Equal((3, 1, 19), (figures["vanguard.teams"].Value, figures["vanguard.posts"].Value, figures["vanguard.members"].Value));
        Assert.Equal(ReportUnits.Teams, figures["vanguard.teams"].Unit);
    }
}
