using BranchLedger.Api.V1;

namespace BranchLedger.CityData;

/// <summary>
/// A party group's planned calendar year: 党组会 every month, 理论学习中心组 twice a quarter, a
/// party-building review every quarter, 民主生活会 in December, its duty list, the inspection round,
/// integrity-risk points, the body's brand, honours, the model-organ campaign, last year's
/// self-assessment, and the kinds the report's later sentences name: a self-inspection, the youth study group,
/// a recognition of the brand, themed activities with the secretary's own 宣讲, and a vanguard team (三队两岗).
/// </summary>
internal sealed class DemoOrganisationYear
{
    private const int PartyGroupSize = 7;

    private readonly DemoBody _body;
    private readonly IReadOnlyList<string> _people;
    private readonly DemoRows _rows;
    private readonly DemoRandom _random;
    private readonly double _d;

    private DemoOrganisationYear(DemoBody body, IReadOnlyList<string> people, double diligence, int year)
    {
        _body = body;
        _people = people;
        _rows = new DemoRows(year);
        _random = new DemoRandom(body.TenantId, "party-group", year.ToString());
        _d = diligence;
    }

    /// <summary>The year's rows; <paramref name="people"/> are the party group, its secretary first.</summary>
    public static IReadOnlyList<ImportRow> Plan(DemoBody body, IReadOnlyList<string> people, double diligence, int year)
    {
        var plan = new DemoOrganisationYear(body, people, diligence, year);
        plan.Meetings();
        plan.Reviews();
        DemoWorkflows.Duties(plan._rows, plan._random, diligence,
        [
            ("履行全面从严治党主体责任，制定年度党建工作要点", ActorClass.Body, people[0]),
            ("书记带头讲党课、带头开展谈心谈话", ActorClass.SecretaryFirstResponsible, people[0]),
            ("分管领域党风廉政建设“一岗双责”", ActorClass.MemberDualDuty, people[1]),
            ("督促指导各党支部落实组织生活制度", ActorClass.MemberDualDuty, people[2]),
        ]);
        DemoWorkflows.Findings(plan._rows, plan._random, diligence, 3, people[2], people[0]);
        plan.Outcomes();
        plan.ReportedKinds();
        return plan._rows.Rows;
    }

    private void Meetings()
    {
        for (var month = 1; month <= 12; month++)
        {
            _rows.Meeting($"{month:D2}-party-group", MeetingKind.PartyGroupMeeting, _rows.Day(month, _random.Between(5, 10)),
                $"{month}月党组会：传达学习上级精神，研究部署重点工作", PartyGroupSize - _random.Between(0, 1), PartyGroupSize, firstAgendaItem: true);
            if (month % 3 != 2 && _random.Chance(0.6 + (0.4 * _d)))
            {
                _rows.Meeting($"{month:D2}-theory-study", MeetingKind.TheoryStudyGroup, _rows.Day(month, _random.Between(12, 20)),
                    "党组理论学习中心组集体学习", PartyGroupSize - _random.Between(0, 1), PartyGroupSize);
            }
        }

        _rows.Meeting("warning-education", MeetingKind.WarningEducation, _rows.Day(4, _random.Between(10, 25)),
            "警示教育大会", 60 + _random.Between(0, 40), 0);
        _rows.Meeting("democratic-life", MeetingKind.DemocraticLifeMeeting, _rows.Day(12, _random.Between(15, 28)),
            $"{_body.Organisation}{_rows.Year}年度民主生活会", PartyGroupSize - _random.Between(0, 1), PartyGroupSize);
    }

    private void Reviews()
    {
        for (var q = 1; q <= 4; q++)
        {
            if (_random.Chance(0.7 + (0.3 * _d)))
            {
                _rows.Add($"q{q}-review", new RecordBody
                {
                    QuarterlyReview = new QuarterlyReview
                    {
                        Date = DemoRows.D(_rows.Day(3 * q, _random.Between(22, 28))),
                        Topic = $"党组听取第{q}季度机关党建工作汇报", Reporter = _people[2], Mechanism = "“四个一”工作机制",
                    },
                });
            }
        }

        var risks = new RiskPoint { Date = DemoRows.D(_rows.Day(1, _random.Between(15, 25))), RiskPoint_ = "项目资金分配和使用" };
        risks.Measures.AddRange(["资金分配集体研究决定", "项目资金使用情况公示", "纪检组全程监督"]);
        _rows.Add("risk-point-funds", new RecordBody { RiskPoint = risks });
    }

    private void Outcomes()
    {
        _rows.Brand("brand", _rows.Day(5, _random.Between(10, 25)), _body.Brand,
            _d > 0.85 ? RecognitionLevel.Provincial : RecognitionLevel.City, BrandStatus.Recognised);
        _rows.Honour("honour-unit", _rows.Day(6, _random.Between(25, 30)), "先进基层党组织", _body.Organisation,
            RecipientKind.Unit, RecognitionLevel.City, "市直机关工委");
        _rows.Honour("honour-worker", _rows.Day(6, _random.Between(25, 30)), "优秀党务工作者", _people[2],
            RecipientKind.Person, RecognitionLevel.City, "市直机关工委");

        const string campaign = "模范机关创建";
        _rows.Add("campaign-launched", Campaign(_rows.Day(3, 1), campaign, CampaignStatus.Launched));
        _rows.Add("campaign-progress", Campaign(_rows.Day(7, 1), campaign, CampaignStatus.InProgress));
        _rows.Add("campaign-result", Campaign(_rows.Day(12, 20), campaign, _d > 0.8 ? CampaignStatus.Achieved : CampaignStatus.NotAchieved));

        // The annual report's self-assessment of this year is written in the next January.
        var written = new DateOnly(_rows.Year + 1, 1, 18);
        (SelfAssessmentSection Section, string Text)[] report =
        [
            (SelfAssessmentSection.Problem, "个别党支部组织生活不够规范，“三会一课”存在不按期召开的情况。"),
            (SelfAssessmentSection.Cause, "对基层党建工作督促指导不够经常，考核结果运用不充分。"),
            (SelfAssessmentSection.NextStep, "建立党支部工作月度提醒和季度通报制度，把整改情况纳入年度考核。"),
        ];
        foreach (var (section, text) in report)
        {
            _rows.Add($"self-assessment-{(int)section}", new RecordBody
            {
                SelfAssessment = new SelfAssessment { Date = DemoRows.D(written), Year = _rows.Year, Section = section, Order = 1, Text = text },
            });
        }
    }

    // Fixed days and no random draws, so the rows planned before these stay as they were.
    private void ReportedKinds()
    {
        const string theme = "学习宣传贯彻党的二十大精神";
        _rows.Add("self-inspection", new RecordBody
        {
            SelfInspection = new SelfInspection
            {
                Date = DemoRows.D(_rows.Day(5, 20)), Topic = SelfInspectionTopic.ImproperDining, Subject = "违规吃喝及接待问题",
                Basis = "《加强干部“八小时之外”管理监督工作暂行办法》", Scope = "机关全体干部", ProblemsFound = 1, ProblemsFixed = 1,
            },
        });
        _rows.Add("youth-study-group", new RecordBody
        {
            YouthDevelopment = new YouthDevelopment { Date = DemoRows.D(_rows.Day(3, 1)), Kind = YouthDevelopmentKind.StudyGroup, Name = "青年干部理论学习小组", Sessions = 6 },
        });
        _rows.Add("recognition", new RecordBody
        {
            Recognition = new Recognition { Date = DemoRows.D(_rows.Day(9, 15)), Kind = RecognitionKind.ExperienceSharing, Subject = _body.Brand, RecognisedBy = "全市" },
        });
        _rows.Add("activity-oath", new RecordBody
        {
            Activity = new Activity { Date = DemoRows.D(_rows.Day(7, 1)), Kind = ActivityKind.OathRenewal, Topic = "重温入党誓词", Participants = PartyGroupSize, Theme = theme },
        });
        _rows.Add("activity-outreach", new RecordBody
        {
            Activity = new Activity
            {
                Date = DemoRows.D(_rows.Day(11, 10)), Kind = ActivityKind.OutreachTalk, Topic = "党的二十大精神", Participants = 40, Organiser = _body.Organisation,
                Theme = theme, ByPartyGroupSecretary = true,
            },
        });
        _rows.Add("vanguard-team", new RecordBody
        {
            Vanguard = new Vanguard
            {
                Date = DemoRows.D(_rows.Day(3, 5)), Kind = VanguardKind.Team, Name = "重点工作攻坚先锋队", Campaign = "疫情防控", Role = "当先锋", Members = PartyGroupSize,
            },
        });
    }

    private static RecordBody Campaign(DateOnly date, string name, CampaignStatus status) =>
        new() { Campaign = new Campaign { Date = DemoRows.D(date), Name = name, Status = status, Level = RecognitionLevel.City } };
}
