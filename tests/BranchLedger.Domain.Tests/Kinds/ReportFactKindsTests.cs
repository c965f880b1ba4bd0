using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Reports;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Tests.Kinds;

/// <summary>
/// The facts of the sample report added for issue 19: 自查自纠, 年轻干部培养 and 认可推广 as catalogue kinds, 工作机制 as a kind of
/// 发文, and on the older kinds who chaired a meeting, the party-group secretary's invited lecture and 双重组织生活, and the
/// roster the members reporting to their communities are measured against. Their rules and the figures that name records.
/// </summary>
public sealed class ReportFactKindsTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static IReadOnlyList<string> Fields(RecordBody body, string prefix) =>
        [.. body.Check(new Violations(), prefix, Today).Items.Select(v => v.Field).Order(StringComparer.Ordinal)];

    private static SelfInspectionDetails Inspection(int found = 3, int @fixed = 3, string subject = "违规吃喝及接待问题") => new()
    {
        Topic = SelfInspectionTopic.ImproperDining, Date = Today, Subject = subject, Basis = "《加强干部“八小时之外”管理监督工作暂行办法》",
        ProblemsFound = found, ProblemsFixed = @fixed,
    };

    [Fact]
    public void A_self_inspection_fixes_no_more_problems_than_it_found_and_names_its_subject()
    {
        Assert.Empty(Fields(Inspection(), "self_inspection."));
        Assert.Empty(Fields(Inspection(found: 0, @fixed: 0) with { Basis = "", Scope = "" }, "self_inspection."));
        Assert.Equal(["self_inspection.problems_fixed"], Fields(Inspection(found: 2, @fixed: 3), "self_inspection."));
        Assert.Equal(["self_inspection.problems_found"], Fields(Inspection(found: -1, @fixed: 0), "self_inspection."));
        Assert.Equal(["self_inspection.subject", "self_inspection.topic"],
            Fields(Inspection(subject: " ") with { Topic = SelfInspectionTopic.Unspecified }, "self_inspection."));
    }

    [Fact]
    public void Young_cadre_development_needs_its_kind_and_name_and_counts_no_negative_pairs_or_sessions()
    {
        var ok = new YouthDevelopmentDetails { Kind = YouthDevelopmentKind.Mentoring, Date = Today, Name = "支委联系帮带年轻干部、党外干部制度", Pairs = 6, Sessions = 12 };
        Assert.Empty(Fields(ok, "youth_development."));
        Assert.Equal(["youth_development.kind", "youth_development.name", "youth_development.pairs", "youth_development.sessions"],
            Fields(ok with { Kind = (YouthDevelopmentKind)9, Name = "", Pairs = -1, Sessions = -2 }, "youth_development."));
    }

    [Fact]
    public void A_recognition_names_who_recognised_it_and_what_was_said_except_for_experience_sharing()
    {
        var named = new RecognitionDetails
        {
            Kind = RecognitionKind.Named, Date = Today, Subject = "“助残连心”党建服务品牌", RecognisedBy = "市直机关", Wording = "新时代党建服务品牌",
        };
        Assert.Empty(Fields(named, "recognition."));
        Assert.Equal(["recognition.wording"], Fields(named with { Wording = "" }, "recognition."));
        Assert.Equal(["recognition.wording"], Fields(named with { Kind = RecognitionKind.Pilot, Wording = " " }, "recognition."));
        Assert.Empty(Fields(named with { Kind = RecognitionKind.ExperienceSharing, Wording = "" }, "recognition."));
        Assert.Equal(["recognition.recognised_by", "recognition.subject"], Fields(named with { RecognisedBy = "", Subject = "" }, "recognition."));
    }

    private static MeetingDetails Lecture(bool bySecretary = false, bool byPartyGroupSecretary = true) => new()
    {
        Kind = MeetingKind.PartyLecture, Date = Today, Topic = "学习党的二十大精神", Attendees = 10, ExpectedAttendees = 12,
        Lecturer = "党组书记", LecturedBySecretary = bySecretary, LecturedByPartyGroupSecretary = byPartyGroupSecretary,
    };

    [Fact]
    public void The_party_group_secretarys_invited_lecture_is_a_lectures_and_never_also_the_branch_secretarys_own()
    {
        Assert.Empty(Fields(Lecture(), "meeting."));
        // Both flags: accepted, and the invited lecture wins (ReportFactsBuilder and compliance count it as the party-group secretary's).
        Assert.Empty(Fields(Lecture(bySecretary: true), "meeting."));
        Assert.Equal(["meeting.lectured_by_party_group_secretary"],
            Fields(Lecture() with { Kind = MeetingKind.ThemeDay, Lecturer = "" }, "meeting."));
        Assert.Empty(Fields(Lecture(byPartyGroupSecretary: false) with
        {
            Kind = MeetingKind.OrganisationalLifeMeeting, Lecturer = "", SecretaryAsMember = true, Chair = "支部书记",
        }, "meeting."));
        Assert.Equal(["meeting.chair"], Fields(Lecture() with { Chair = new string('主', 101) }, "meeting."));
    }

    [Fact]
    public void A_special_lecture_records_its_lecturer_and_the_report_names_the_lecturers_invited()
    {
        var special = Lecture(byPartyGroupSecretary: false) with { Kind = MeetingKind.SpecialLecture, Lecturer = "市委党校教授" };
        Assert.Empty(Fields(special, "meeting."));
        Assert.Equal(["meeting.lecturer"], Fields(special with { Kind = MeetingKind.WeeklyCadreStudy }, "meeting."));
        Assert.Equal(["meeting.lecturer"], Fields(special with { LecturedBySecretary = true }, "meeting."));

        var facts = ReportFacts.Empty with
        {
            Meetings =
            [
                new MeetingFact("root", 1, MeetingKind.SpecialLecture, Today, Lecturer: "市委党校教授"),
                new MeetingFact("root", 2, MeetingKind.SpecialLecture, Today),
                new MeetingFact("root", 3, MeetingKind.SpecialLecture, Today, Lecturer: "市委党校教授"),
                new MeetingFact("root", 4, MeetingKind.PartyLecture, Today, Lecturer: "支部书记"),
            ],
        };
        var figures = AnnualReportFigures.Compute(facts, 2026);
        Assert.Equal(3, figures[ReportFigureKeys.SpecialLectures].Value);
        Assert.Equal(["市委党校教授"], figures[ReportFigureKeys.SpecialLectures].Names);
        Assert.Empty(AnnualReportFigures.Compute(facts with { Meetings = [facts.Meetings[1]] }, 2026)[ReportFigureKeys.SpecialLectures].Names);
    }

    [Fact]
    public void A_roster_is_never_smaller_than_the_members_who_reported()
    {
        var reporting = new CommunityServiceDetails { Kind = CommunityServiceKind.MembersReporting, Date = Today, Topic = "疫情防控、创城", Members = 57, RosterSize = 57 };
        Assert.Empty(Fields(reporting, "community_service."));
        Assert.Empty(Fields(reporting with { RosterSize = 0 }, "community_service."));
        Assert.Equal(["community_service.roster_size"], Fields(reporting with { RosterSize = 56 }, "community_service."));
        Assert.Empty(Fields(reporting with { Kind = CommunityServiceKind.ServiceSession }, "community_service."));
    }

    private static RecordFact Fact(long sequence, string family, params (string Field, string Value)[] fields) =>
        new("branch", sequence, family, Today, fields.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal));

    [Fact]
    public void A_figure_names_its_records_each_once_in_ledger_order_and_leaves_out_a_record_without_the_name()
    {
        var facts = ReportFacts.Empty with
        {
            Records =
            [
                Fact(2, "self_inspection", ("topic", "SELF_INSPECTION_TOPIC_IMPROPER_BUSINESS"), ("subject", "公职人员违规经商办企业"), ("basis", ""), ("problems_found", "1"), ("problems_fixed", "1")),
                Fact(1, "self_inspection", ("topic", "SELF_INSPECTION_TOPIC_IMPROPER_DINING"), ("subject", "违规吃喝及接待问题"), ("basis", "《暂行办法》"), ("problems_found", "2"), ("problems_fixed", "1")),
                Fact(3, "self_inspection", ("topic", "SELF_INSPECTION_TOPIC_OTHER"), ("subject", "违规吃喝及接待问题"), ("basis", "《暂行办法》"), ("problems_found", "0"), ("problems_fixed", "0")),
            ],
        };
        var figures = AnnualReportFigures.Compute(facts, 2026);

        Assert.Equal(["违规吃喝及接待问题", "公职人员违规经商办企业"], figures["self-inspections.total"].Names);
        Assert.Equal(3, figures["self-inspections.total"].Value);
        Assert.Equal(["《暂行办法》"], figures["self-inspections.basis"].Names);
        Assert.Equal(2, figures["self-inspections.basis"].Value);
        Assert.Equal((3, 2), (figures["self-inspections.found"].Value, figures["self-inspections.fixed"].Value));
    }

    [Fact]
    public void The_secretarys_part_and_the_roster_are_counted_from_the_meetings_and_community_records()
    {
        var facts = ReportFacts.Empty with
        {
            Meetings =
            [
                new MeetingFact("g", 1, MeetingKind.TheoryStudyGroup, Today, ChairedBySecretary: true),
                new MeetingFact("g", 2, MeetingKind.PartyGroupMeeting, Today, ChairedBySecretary: true),
                new MeetingFact("g", 3, MeetingKind.ChairOfficeMeeting, Today, ChairedBySecretary: true),
                new MeetingFact("b", 4, MeetingKind.PartyLecture, Today, LecturedBySecretary: true),
                new MeetingFact("b", 5, MeetingKind.PartyLecture, Today, LecturedByPartyGroupSecretary: true),
                new MeetingFact("b", 6, MeetingKind.ThemeDay, Today, SecretaryAsMember: true),
                new MeetingFact("b", 7, MeetingKind.BranchGeneralMeeting, Today, SecretaryAsMember: true),
            ],
            CommunityService = [new CommunityServiceFact("b", 8, CommunityServiceKind.MembersReporting, 30, Today, 32, "疫情防控")],
        };
        var figures = AnnualReportFigures.Compute(facts, 2026);

        Assert.Equal(2, figures[ReportFigureKeys.ChairedBySecretary].Value);
        Assert.Equal(1, figures[ReportFigureKeys.SecretaryLectures].Value);
        Assert.Equal(1, figures[ReportFigureKeys.PartyGroupSecretaryLectures].Value);
        Assert.Equal(["党员大会", "主题党日活动"], figures[ReportFigureKeys.AttendedAsMember].Names);
        Assert.Equal((30, 32), (figures[ReportFigureKeys.MembersReporting].Value, figures[ReportFigureKeys.MembersRoster].Value));
        Assert.Equal(["疫情防控"], figures[ReportFigureKeys.MembersReporting].Names);
    }
}
