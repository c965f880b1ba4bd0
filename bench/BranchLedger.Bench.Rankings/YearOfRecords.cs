using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;

namespace BranchLedger.Bench.Rankings;

/// <summary>
/// A year of a branch's ledger, deterministic per seed: the twelve months up to yesterday with the
/// obligations the default rules ask of a branch — 支委会, 党小组会 and 主题党日 monthly, 支部党员大会 and
/// 党课 quarterly, 组织生活会 and 民主评议党员 yearly, 谈心谈话 between named members — each held with the
/// branch's reliability, a few meetings below quorum, and at least one 主题党日 missed this year.
/// No 主题党日 is recorded in the current month: the freshness write is that month's, so it always
/// changes the branch's total.
/// </summary>
internal static class YearOfRecords
{
    private static readonly string[] Surnames = ["张", "王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"];
    private static readonly string[] Given = ["伟", "芳", "娜", "洋", "静", "帆", "磊", "敏", "杰", "婷", "强", "丽", "超", "琳", "斌", "鹏", "雪", "涛", "峰", "丹"];

    private static readonly string[] Subjects =
    [
        "党的二十届三中全会精神", "习近平总书记重要讲话精神", "中央八项规定及其实施细则精神", "《中国共产党纪律处分条例》",
        "全面从严治党主体责任", "基层党组织标准化规范化建设", "模范机关创建工作", "《中国共产党支部工作条例》",
    ];

    /// <summary>A branch's plan: a roster of 8–30 named members, 3–5 of them on the committee.</summary>
    public static BranchPlan Plan(string tenant, string node, int index, Random random)
    {
        var members = random.Next(8, 31);
        var committee = random.Next(3, 6);
        var names = Surnames.SelectMany(s => Given.Select(g => s + g)).OrderBy(_ => random.Next()).Take(members).ToArray();
        var roster = new RosterFigures
        {
            EffectiveFrom = new DateOnly(2020, 1, 1),
            Secretary = names[0],
            CommitteeMembers = committee,
            Members = members,
            VotingMembers = members - random.Next(0, 3),
            CommitteeNames = names[..committee],
            MemberNames = names,
        };
        return new BranchPlan(tenant, node, $"第{index + 1}党支部", roster, 0.5 + (random.NextDouble() * 0.47));
    }

    /// <summary>The branch's records from the first day of the month eleven months back up to yesterday.</summary>
    public static List<AppendCommand> For(BranchPlan plan, DateOnly today, Random random)
    {
        var r = plan.Roster;
        var p = plan.Reliability;
        var yesterday = today.AddDays(-1);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var months = Enumerable.Range(0, 12).Select(k => thisMonth.AddMonths(k - 11)).ToList();
        var pastMonthsThisYear = months.Where(m => m.Year == today.Year && m < thisMonth).ToList();
        var missedThemeDay = pastMonthsThisYear.Count > 0 ? pastMonthsThisYear[random.Next(pastMonthsThisYear.Count)] : (DateOnly?)null;
        var quarterSeen = new HashSet<(int, int)>();
        var secretaryLectured = new HashSet<int>();
        var commands = new List<AppendCommand>();

        foreach (var month in months)
        {
            var last = month.AddMonths(1).AddDays(-1);
            if (last > yesterday)
            {
                last = yesterday;
            }

            if (last < month)
            {
                continue;
            }

            DateOnly Day() => month.AddDays(random.Next(last.DayNumber - month.DayNumber + 1));

            if (random.NextDouble() < p)
            {
                var present = random.NextDouble() < 0.05 ? r.CommitteeMembers / 2 : r.CommitteeMembers - (random.NextDouble() < 0.2 ? 1 : 0);
                Add(Meeting(MeetingKind.BranchCommitteeMeeting, Day(), "研究部署", present, r.CommitteeMembers));
            }

            if (random.NextDouble() < p)
            {
                var group = Math.Max(3, r.Members / 3);
                Add(Meeting(MeetingKind.SmallGroupMeeting, Day(), "交流研讨", group - random.Next(0, 2), group));
            }

            if (month != thisMonth && month != missedThemeDay && random.NextDouble() < p)
            {
                Add(Meeting(MeetingKind.ThemeDay, Day(), "主题党日：学习", r.Members - random.Next(0, (r.Members / 5) + 1), r.Members));
            }

            if (quarterSeen.Add((month.Year, (month.Month + 2) / 3)))
            {
                if (random.NextDouble() < p)
                {
                    var quorum = (r.VotingMembers / 2) + 1;
                    var present = random.NextDouble() < 0.05 ? quorum - 1 : random.Next(quorum, r.Members + 1);
                    Add(Meeting(MeetingKind.BranchGeneralMeeting, Day(), "支部党员大会：学习", present, r.Members));
                }

                if (random.NextDouble() < p)
                {
                    var bySecretary = secretaryLectured.Add(month.Year);
                    Add(Meeting(MeetingKind.PartyLecture, Day(), "专题党课：深入学习", r.Members - random.Next(0, 3), r.Members,
                        bySecretary ? r.Secretary : r.MemberNames[random.Next(r.Members)], bySecretary));
                }
            }

            if (month.Month == 12)
            {
                foreach (var kind in new[] { MeetingKind.OrganisationalLifeMeeting, MeetingKind.MemberAppraisal })
                {
                    if (random.NextDouble() < p)
                    {
                        Add(Meeting(kind, Day(), "年度组织生活会暨民主评议党员", r.Members - random.Next(0, 3), r.Members));
                    }
                }
            }

            var talks = random.NextDouble() < p ? random.Next(1, 4) : 0;
            for (var t = 0; t < talks; t++)
            {
                var a = r.CommitteeNames[random.Next(r.CommitteeMembers)];
                var b = r.MemberNames[random.Next(r.Members)];
                if (a != b)
                {
                    Add(new TalkDetails
                    {
                        Kind = TalkKind.HeartToHeart, Date = Day(), Topic = "谈心谈话：思想和工作情况", People = 2, PersonA = a, PersonB = b,
                        Notes = $"{a}与{b}开展谈心谈话，围绕思想状况、工作作风坦诚交流。",
                    });
                }
            }
        }

        return commands;

        void Add(RecordBody body) => commands.Add(new AppendCommand
        {
            RequestId = $"year-{commands.Count + 1:D4}",
            RecordedBy = "secretary",
            Body = body,
        });

        MeetingDetails Meeting(MeetingKind kind, DateOnly date, string verb, int attendees, int expected, string lecturer = "", bool bySecretary = false)
        {
            var subject = Subjects[random.Next(Subjects.Length)];
            return new MeetingDetails
            {
                Kind = kind,
                Date = date,
                Topic = verb + subject,
                Notes = $"会议由{r.Secretary}主持，应到{expected}人，实到{attendees}人。会议强调要推动学习成果转化为工作实效。",
                Attendees = attendees,
                ExpectedAttendees = expected,
                FirstAgendaItem = random.Next(2) == 0,
                Lecturer = lecturer,
                LecturedBySecretary = bySecretary,
            };
        }
    }

    /// <summary>The freshness write: this month's 主题党日, dated today, which the branch has not held yet.</summary>
    public static AppendCommand ThemeDayToday(BranchPlan plan, DateOnly today, int sample) => new()
    {
        RequestId = $"fresh-{sample:D4}",
        RecordedBy = "secretary",
        Body = new MeetingDetails
        {
            Kind = MeetingKind.ThemeDay,
            Date = today,
            Topic = "主题党日：学习贯彻党的二十届三中全会精神",
            Notes = $"会议由{plan.Roster.Secretary}主持，全体党员参加。",
            Attendees = plan.Roster.Members,
            ExpectedAttendees = plan.Roster.Members,
        },
    };
}
