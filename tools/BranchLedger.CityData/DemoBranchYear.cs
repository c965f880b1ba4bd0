using BranchLedger.Api.V1;

namespace BranchLedger.CityData;

/// <summary>
/// A branch's planned calendar year: 三会一课 and 主题党日 by month and quarter, the yearly meetings,
/// talks, duties, findings and outcomes. A lagging branch skips a stretch of months, misses quorums and
/// leaves work late or open. The whole year is planned, then cut at today by <see cref="DemoCity"/>.
/// </summary>
internal sealed class DemoBranchYear
{
    private static readonly string[] CommitteeTopics =
    [
        "研究部署本月党建工作", "传达学习上级会议精神，研究贯彻落实措施", "研究党员教育管理工作", "研究“三会一课”和主题党日安排",
        "分析党员思想状况", "研究发展党员工作", "研究党风廉政建设工作", "通报整改工作进展",
    ];

    private static readonly string[] ThemeDayTopics =
    [
        "重温入党誓词", "参观红色教育基地", "志愿服务进社区", "学习党章党规", "观看警示教育片", "开展“我为群众办实事”活动",
        "集中学习研讨", "走访慰问困难群众", "读书分享会", "参观廉政教育基地",
    ];

    private static readonly string[] LectureTopics =
    [
        "坚定理想信念，践行初心使命", "弘扬伟大建党精神", "加强作风建设，密切联系群众", "以高质量党建引领业务发展",
        "严守纪律规矩，锤炼过硬作风", "学习贯彻党的创新理论",
    ];

    private static readonly string[] DutyTexts =
    [
        "落实“三会一课”制度，按计划召开支部党员大会、支委会、党小组会和上党课", "组织党员开展理论学习和专题研讨",
        "完成党员发展和教育管理年度任务", "组织在职党员到社区报到并开展志愿服务", "开展党风廉政教育和警示教育",
        "推进党支部标准化规范化建设", "做好党费收缴、使用和管理",
    ];

    private readonly DemoBranch _b;
    private readonly DemoRows _rows;
    private readonly DemoRandom _random;
    private readonly double _d;

    private DemoBranchYear(DemoBranch branch, int year)
    {
        _b = branch;
        _rows = new DemoRows(year);
        _random = new DemoRandom(branch.Body.TenantId, branch.NodeId, year.ToString());
        _d = branch.Diligence;
    }

    public static IReadOnlyList<ImportRow> Plan(DemoBranch branch, int year)
    {
        var plan = new DemoBranchYear(branch, year);
        plan.Monthly();
        plan.Quarterly();
        plan.Yearly();
        plan.Talks();
        DemoWorkflows.Duties(plan._rows, plan._random, plan._d, plan.Duties());
        DemoWorkflows.Findings(plan._rows, plan._random, plan._d, 1 + plan._random.Between(0, 1) + (plan._d < 0.5 ? 1 : 0), branch.Secretary, branch.Body.Organisation);
        plan.Outcomes();
        return plan._rows.Rows;
    }

    private void Monthly()
    {
        var held = 0.6 + (0.4 * _d);
        var lapse = _d < 0.55 ? 1 + (int)((0.55 - _d) * 8) : 0;
        var lapseFrom = _random.Between(1, 13 - Math.Max(lapse, 1));
        int c = _b.Committee, m = _b.Members;
        for (var month = 1; month <= 12; month++)
        {
            var away = month >= lapseFrom && month < lapseFrom + lapse;
            if (!away && _random.Chance(held))
            {
                // A committee meeting without more than half of the committee does not count.
                var attendees = _random.Chance((1 - _d) * 0.25) ? c / 2 : c - (_random.Chance(0.3) && c - 1 > c / 2 ? 1 : 0);
                _rows.Meeting($"{month:D2}-committee", MeetingKind.BranchCommitteeMeeting, _rows.Day(month, _random.Between(3, 8)),
                    $"{month}月支委会：{_random.Pick(CommitteeTopics)}", attendees, c, firstAgendaItem: _random.Chance(0.7 + (0.3 * _d)));
            }

            if (!away && _random.Chance(held))
            {
                _rows.Meeting($"{month:D2}-theme-day", MeetingKind.ThemeDay, _rows.Day(month, _random.Between(10, 18)),
                    $"{month}月主题党日：{_random.Pick(ThemeDayTopics)}", m - _random.Between(0, 3), m);
            }

            if (!away && _random.Chance(held))
            {
                _rows.Meeting($"{month:D2}-small-group", MeetingKind.SmallGroupMeeting, _rows.Day(month, _random.Between(19, 27)),
                    $"{month}月党小组会：学习交流", m - _random.Between(0, 3), m);
            }
        }
    }

    private void Quarterly()
    {
        var held = 0.6 + (0.4 * _d);
        var secretaryLectures = _random.Chance(0.2 + (0.8 * _d));
        for (var q = 1; q <= 4; q++)
        {
            if (_random.Chance(held))
            {
                // The general meeting's quorum is more than half of the voting members on the roster.
                var attendees = _random.Chance((1 - _d) * 0.35) ? _b.Voting / 2 : _b.Members - _random.Between(0, 2);
                _rows.Meeting($"q{q}-general", MeetingKind.BranchGeneralMeeting, _rows.Day(3 * q, _random.Between(20, 27)),
                    $"第{q}季度支部党员大会：通报支部工作，学习上级精神", attendees, _b.Members);
            }

            if (q == 3 && secretaryLectures)
            {
                _rows.Meeting("q3-secretary-lecture", MeetingKind.PartyLecture, _rows.Day(7, _random.Between(1, 10)),
                    $"支部书记讲党课：{_random.Pick(LectureTopics)}", _b.Members - _random.Between(0, 2), _b.Members,
                    lecturer: _b.Secretary, bySecretary: true);
            }
            else if (_random.Chance(held))
            {
                _rows.Meeting($"q{q}-lecture", MeetingKind.PartyLecture, _rows.Day((3 * q) - 1, _random.Between(10, 20)),
                    $"党课：{_random.Pick(LectureTopics)}", _b.Members - _random.Between(0, 2), _b.Members,
                    lecturer: _b.People[_random.Between(1, _b.Committee - 1)]);
            }
        }
    }

    private void Yearly()
    {
        var held = 0.3 + (0.7 * _d);
        var lifeMeeting = _rows.Day(_random.Between(1, 2), _random.Between(10, 25));
        if (_random.Chance(held))
        {
            _rows.Meeting("organisational-life", MeetingKind.OrganisationalLifeMeeting, lifeMeeting,
                $"{_rows.Year - 1}年度组织生活会", _b.Members - _random.Between(0, 2), _b.Members);
        }

        if (_random.Chance(held))
        {
            _rows.Meeting("member-appraisal", MeetingKind.MemberAppraisal, lifeMeeting.AddDays(_random.Between(0, 3)),
                $"{_rows.Year - 1}年度民主评议党员", _b.Members - _random.Between(0, 2), _b.Members);
        }

        _rows.Talk("group-integrity-talk", TalkKind.Group, _rows.Day(4, _random.Between(1, 28)), "集体廉政谈话", _b.Members);
        foreach (var month in new[] { 3, 9 })
        {
            _rows.Add($"{month:D2}-community", new RecordBody
            {
                CommunityService = new CommunityService
                {
                    Kind = CommunityServiceKind.MembersReporting, Date = DemoRows.D(_rows.Day(month, _random.Between(5, 25))),
                    Topic = "在职党员到社区报到服务", Members = _b.Members - _random.Between(0, 4), Community = $"{_random.Pick(Communities)}社区",
                },
            });
        }
    }

    private static readonly string[] Communities = ["东城", "西苑", "南湖", "北关", "滨江", "桂花", "朝阳", "新华"];

    // 谈心谈话 between the roster's named people: every committee–committee and committee–member pair
    // is owed once a year; a diligent branch covers them all.
    private void Talks()
    {
        if (!_b.Named)
        {
            return;
        }

        var pairs = new List<(int A, int B)>();
        for (var a = 0; a < _b.Committee; a++)
        {
            for (var b = a + 1; b < _b.Members; b++)
            {
                pairs.Add((a, b));
            }
        }

        var share = Math.Clamp(0.25 + (0.75 * _d) + ((_random.Next() - 0.5) * 0.1), 0, 1);
        var start = _rows.Day(1, 1);
        var days = DateTime.IsLeapYear(_rows.Year) ? 366 : 365;
        foreach (var (a, b) in _random.Shuffle(pairs).Take((int)Math.Round(share * pairs.Count)))
        {
            _rows.Talk($"talk-{a:D2}-{b:D2}", TalkKind.HeartToHeart, start.AddDays(_random.Between(0, days - 1)),
                "谈心谈话：交流思想、工作和生活情况", 2, _b.People[a], _b.People[b]);
        }
    }

    private List<(string, ActorClass, string)> Duties() =>
        _random.Shuffle(DutyTexts).Take(4)
            .Select((text, i) => (text, i == 0 ? ActorClass.SecretaryFirstResponsible : ActorClass.MemberDualDuty, _b.People[i % _b.Committee]))
            .ToList();

    private void Outcomes()
    {
        if (_b.HasBrand)
        {
            var name = $"{_b.Name}“一支部一品牌”";
            _rows.Brand("brand-building", _rows.Day(3, _random.Between(5, 25)), name, RecognitionLevel.Internal, BrandStatus.Building);
            if (_random.Chance(0.4 + (0.6 * _d)))
            {
                _rows.Brand("brand-recognised", _rows.Day(11, _random.Between(5, 25)), name,
                    _d > 0.8 ? RecognitionLevel.City : RecognitionLevel.District, BrandStatus.Recognised);
            }
        }

        if (_d > 0.55 && _random.Chance(_d))
        {
            _rows.Honour("honour-member", _rows.Day(6, _random.Between(25, 30)), "优秀共产党员",
                _b.People[_random.Between(_b.Committee, _b.Members - 1)], RecipientKind.Person, RecognitionLevel.Internal, _b.Body.Organisation);
        }

        if (_d > 0.75 && _random.Chance(0.6))
        {
            _rows.Honour("honour-branch", _rows.Day(6, _random.Between(25, 30)), "先进基层党组织",
                $"{_b.Body.Short}{_b.Name}", RecipientKind.Unit, RecognitionLevel.City, "市直机关工委");
        }
    }
}
