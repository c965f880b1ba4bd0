using BranchLedger.Domain.Ledger;

namespace BranchLedger.Reports.Tests;

/// <summary>Records the facts the sample report states and checks the report states them in the sample's words.</summary>
public sealed class SampleWordingTests
{
    [Fact]
    public void Special_lectures_name_the_lecturers_they_record_and_otherwise_say_experts()
    {
        var named = SampleFacts.Body(new SampleFacts()
            .Meetings(MeetingKind.SpecialLecture, 2, lecturer: "市委党校教授")
            .Meetings(MeetingKind.SpecialLecture, 1)
            .Compose());
        Assert.Contains("，邀请市委党校教授开展专题辅导3期，", named);
        Assert.Contains("，邀请专家开展专题辅导1期，", SampleFacts.Body(new SampleFacts().Meetings(MeetingKind.SpecialLecture, 1).Compose()));
        Assert.Contains("，邀请专家开展专题辅导（本年度暂无记录），", SampleFacts.Body(new SampleFacts().Meetings(MeetingKind.TheoryStudyGroup, 1).Compose()));
    }

    [Fact]
    public void The_sample_reports_counts_come_out_in_its_own_words()
    {
        var facts = new SampleFacts()
            .Meetings(MeetingKind.TheoryStudyGroup, 29, chairedBySecretary: true)
            .Meetings(MeetingKind.PartyGroupMeeting, 18)
            .Meetings(MeetingKind.ChairOfficeMeeting, 11)
            .Meetings(MeetingKind.WeeklyCadreStudy, 40)
            .Meetings(MeetingKind.MembersForum, 6)
            .Meetings(MeetingKind.StudyDiscussion, 12)
            .Meetings(MeetingKind.SpecialLecture, 3)
            .Meetings(MeetingKind.PartyLecture, 2, SampleFacts.Branch, byPartyGroupSecretary: true)
            .Talk(TalkKind.Integrity, 30).Talk(TalkKind.Integrity, 15)
            .Talk(TalkKind.Group, 0).Talk(TalkKind.Group, 0).Talk(TalkKind.Group, 0)
            .Talk(TalkKind.Reminder, 4)
            .Risk(20).Risk(16)
            .MembersReporting(57, roster: 57);

        var body = SampleFacts.Body(facts.Compose());

        Assert.Contains("主持召开党组会、党组理论中心组学习29次", body);
        Assert.Contains("共召开党组会18次、理事长办公会11次", body);
        Assert.Contains("组织周二机关干部学习40次、“党员讲坛”6期，开展学习研讨12次", body);
        // No lecture records its lecturer: the generic 专家.
        Assert.Contains("邀请专家开展专题辅导3期", body);
        Assert.Contains("带头为机关支部全体党员讲党课2次", body);
        Assert.Contains("制定廉政风险防控措施36条", body);
        Assert.Contains("开展廉政谈话45人次、集体谈话3次、谈话提醒和批评教育4人次", body);
        Assert.Contains("57名在职党员全部到社区报到参与疫情防控、创城等工作", body);
    }

    [Fact]
    public void Kinds_once_recorded_but_never_reported_are_stated_in_the_samples_words()
    {
        var facts = new SampleFacts()
            .Meetings(MeetingKind.Symposium, 2)
            .Talk(TalkKind.HeartToHeart, 2).Talk(TalkKind.HeartToHeart, 2).Talk(TalkKind.HeartToHeart, 2)
            .Meetings(MeetingKind.WarningEducation, 4)
            .Talk(TalkKind.Integrity, 30)
            .Meetings(MeetingKind.DemocraticLifeMeeting, 1)
            .Meetings(MeetingKind.ThemeDay, 12, SampleFacts.Branch)
            .Meetings(MeetingKind.OrganisationalLifeMeeting, 1, SampleFacts.Branch)
            .Meetings(MeetingKind.MemberAppraisal, 1, SampleFacts.Branch)
            .Campaign("模范机关创建", CampaignStatus.InProgress);

        var body = SampleFacts.Body(facts.Compose());

        // The sample states the symposia and talks without counts (the appendix gives them); with no finding recorded, no source of remediation is named.
        Assert.Contains("先后召开年轻干部座谈会，定期开展谈心谈话、了解思想动态，", body);
        Assert.Contains("开展警示教育4次。结合整改（本年度暂无发现问题记录）和节前警示教育等，开展廉政谈话30人次", body);
        Assert.Contains("增进班子团结。召开民主生活会1次，认真开展批评和自我批评。", body);
        Assert.Contains("各支部开展主题党日活动12次，召开组织生活会1次，开展民主评议党员1次。", body);
        Assert.Contains("三是典型联树。以模范机关创建为抓手，", body);
    }

    [Fact]
    public void The_party_group_secretarys_own_part_is_counted_apart_from_the_branch_secretarys()
    {
        var body = SampleFacts.Body(new SampleFacts()
            .Meetings(MeetingKind.PartyLecture, 3, SampleFacts.Branch, bySecretary: true)
            .Meetings(MeetingKind.PartyLecture, 2, SampleFacts.Branch, byPartyGroupSecretary: true)
            .Meetings(MeetingKind.ThemeDay, 4, SampleFacts.Branch, secretaryAsMember: true)
            .Meetings(MeetingKind.BranchGeneralMeeting, 1, SampleFacts.Branch, secretaryAsMember: true)
            .Meetings(MeetingKind.PartyGroupMeeting, 5)
            .MembersReporting(50, roster: 57)
            .Compose());

        Assert.Contains("以普通党员身份参加党员大会、主题党日活动，带头为机关支部全体党员讲党课2次。", body);
        Assert.Contains("各支部书记讲党课3次。", body);
        Assert.Contains("党组书记主持召开党组会、党组理论中心组学习本年度暂无记录", body);
        Assert.Contains("50名在职党员到社区报到参与疫情防控、创城等工作", body);
    }

    [Fact]
    public void The_next_steps_keep_the_samples_headed_sub_sections_each_with_its_entry()
    {
        var document = new SampleFacts()
            .SelfAssessment(SelfAssessmentSection.NextStep, "把学习宣传贯彻党的二十大精神作为首要政治任务。")
            .SelfAssessment(SelfAssessmentSection.NextStep, "认真履行抓党建第一责任人的职责。")
            .SelfAssessment(SelfAssessmentSection.NextStep, "紧盯重点领域、关键权力加强日常监督。")
            .SelfAssessment(SelfAssessmentSection.NextStep, "聚焦中心大局。")
            .SelfAssessment(SelfAssessmentSection.NextStep, "补充一段。")
            .Compose();
        var markdown = SampleFacts.Markdown(document);
        var part = markdown[markdown.IndexOf("三、下一步思路和措施", StringComparison.Ordinal)..markdown.IndexOf("附：数据来源", StringComparison.Ordinal)];

        Assert.Equal(
            ["（一）突出政治统领，做到“两个维护”", "（二）加强组织领导，推动责任落实", "（三）持续正风肃纪，涵养政治生态", "（四）服务中心大局，形成工作合力"],
            document.Blocks.OfType<HeadingBlock>().Where(h => h.Level == 2).Select(h => h.Text).Where(t => part.Contains(t, StringComparison.Ordinal)));
        Assert.Matches("（一）突出政治统领，做到“两个维护”\n\n把学习宣传贯彻党的二十大精神作为首要政治任务。\n", part);
        Assert.Matches("（四）服务中心大局，形成工作合力\n\n聚焦中心大局。\n\n补充一段。\n", part);
        Assert.DoesNotContain("一是", part, StringComparison.Ordinal);
    }

    [Fact]
    public void Self_assessment_entries_fill_the_problems_causes_and_next_steps_in_order()
    {
        var body = SampleFacts.Body(new SampleFacts()
            .SelfAssessment(SelfAssessmentSection.Problem, "对党建工作的重视程度不够。")
            .SelfAssessment(SelfAssessmentSection.Problem, "推动党建与业务工作有机融合不够。")
            .SelfAssessment(SelfAssessmentSection.Cause, "对理论学习压力传导不够有力。")
            .Compose());

        Assert.Contains("一是对党建工作的重视程度不够。", body);
        Assert.Contains("二是推动党建与业务工作有机融合不够。", body);
        Assert.Contains("一是对理论学习压力传导不够有力。", body);
        var nextSteps = body[body.IndexOf("三、下一步思路和措施", StringComparison.Ordinal)..];
        Assert.Contains(ReportTemplate.AnnualReportZh.SelfAssessmentNone, nextSteps);
        Assert.True(body.IndexOf("一是对党建", StringComparison.Ordinal) < body.IndexOf("二是推动党建", StringComparison.Ordinal));
    }

    [Fact]
    public void The_report_keeps_the_samples_three_part_structure()
    {
        var document = new SampleFacts().Compose();
        var headings = document.Blocks.OfType<HeadingBlock>().Where(h => h.Level == 1).Select(h => h.Text).ToList();

        Assert.Equal(["一、主要做法和成效", "二、存在问题及原因", "三、下一步思路和措施", "附：数据来源"], headings);
        Assert.Equal("市残联党组书记抓基层党建工作述职报告", document.Title);
    }
}
