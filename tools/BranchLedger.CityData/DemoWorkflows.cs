using BranchLedger.Api.V1;

namespace BranchLedger.CityData;

/// <summary>
/// Duty items and inspection findings with their steps, each step after the one before it (ImportRecords
/// applies a batch's rows in order, so a step may follow its item in the same batch). How a workflow
/// ends — on time, late or left open — is drawn once from the node's diligence.
/// </summary>
internal static class DemoWorkflows
{
    /// <summary>Who signs off verified duties and closed findings.</summary>
    public const string Verifier = "驻会纪检监察组";

    public static void Duties(DemoRows rows, DemoRandom random, double diligence, IReadOnlyList<(string Duty, ActorClass Actor, string Owner)> duties)
    {
        var listed = rows.Day(1, random.Between(8, 20));
        DateOnly[] dues = [rows.Day(3, 31), rows.Day(6, 30), rows.Day(9, 30), rows.Day(12, 20)];
        var onTime = 0.25 + (0.75 * diligence);
        for (var i = 0; i < duties.Count; i++)
        {
            var id = $"duty-{rows.Year}-{i + 1}";
            var due = dues[i % dues.Length];
            rows.Add(id, new RecordBody
            {
                DutyItem = new DutyItem { Date = DemoRows.D(listed), DutyId = id, Duty = duties[i].Duty, Actor = duties[i].Actor, Owner = duties[i].Owner, Due = DemoRows.D(due) },
            });
            var started = due.AddDays(-random.Between(25, 50));
            Step(rows, id, "started", started, DutyStatus.InProgress, "");
            var roll = random.Next();
            DateOnly? done = roll < onTime ? due.AddDays(-random.Between(0, 10))
                : roll < onTime + ((1 - onTime) * 0.6) ? due.AddDays(random.Between(8, 45))
                : null;
            if (done is { } day)
            {
                Step(rows, id, "done", day, DutyStatus.Done, "");
                if (random.Chance(0.8))
                {
                    Step(rows, id, "verified", day.AddDays(random.Between(3, 12)), DutyStatus.Verified, Verifier);
                }
            }
        }
    }

    private static void Step(DemoRows rows, string id, string step, DateOnly date, DutyStatus status, string verifier) =>
        rows.Add($"{id}-{step}", new RecordBody
        {
            DutyProgress = new DutyProgress { Date = DemoRows.D(date), DutyId = id, Status = status, Verifier = verifier },
        });

    private static readonly (string Finding, string[] Measures)[] Problems =
    [
        ("“三会一课”记录不完整，部分会议缺少签到和会议记录", ["建立会议记录审核制度", "每月由组织委员检查台账"]),
        ("发展党员程序不够规范，个别材料缺少签字", ["对照发展党员工作细则逐项补齐材料", "开展发展党员工作专项培训"]),
        ("谈心谈话开展不经常，覆盖不全面", ["制定年度谈心谈话计划", "支委与党员谈心谈话每年全覆盖"]),
        ("党费收缴台账不健全", ["规范党费收缴登记", "每季度公示党费收缴情况"]),
        ("主题党日活动形式单一，党员参与度不高", ["结合业务工作设计主题党日内容", "建立活动效果评价机制"]),
        ("廉政风险点排查不全面，防控措施针对性不强", ["重新梳理岗位廉政风险点", "完善防控措施并建立清单"]),
        ("整改台账更新不及时", ["明确专人负责整改台账", "每月报送整改进展"]),
        ("意识形态工作责任制落实不到位", ["定期分析研判意识形态领域情况", "压实阵地管理责任"]),
    ];

    /// <summary>An inspection round raising <paramref name="count"/> findings: fix-now, by a deadline, ongoing, …</summary>
    public static void Findings(DemoRows rows, DemoRandom random, double diligence, int count, string responsible, string leader)
    {
        var raised = rows.Day(4, random.Between(8, 18));
        var source = $"市委巡察组{rows.Year}年巡察反馈";
        var onTime = 0.2 + (0.8 * diligence);
        var problems = random.Shuffle(Problems);
        for (var i = 0; i < count; i++)
        {
            var id = $"finding-{rows.Year}-{i + 1}";
            var type = (i % 3) switch { 0 => RemediationType.FixNow, 1 => RemediationType.ByDeadline, _ => RemediationType.Ongoing };
            DateOnly? deadline = type switch
            {
                RemediationType.FixNow => raised.AddDays(30),
                RemediationType.ByDeadline => raised.AddDays(random.Between(90, 150)),
                _ => null,
            };
            var finding = new Finding
            {
                Date = DemoRows.D(raised), FindingId = id, Source = source, Finding_ = problems[i].Finding,
                ResponsiblePerson = responsible, ResponsibleLeader = leader, Type = type,
                Deadline = deadline is { } d ? DemoRows.D(d) : null,
            };
            finding.Measures.AddRange(problems[i].Measures);
            rows.Add(id, new RecordBody { Finding = finding });
            var progressed = raised.AddDays(random.Between(5, 20));
            Progress(rows, id, "progress-1", progressed, "已制定整改方案，明确责任人和时限");
            if (deadline is not { } due)
            {
                // 长期坚持: progress every quarter, never closed and never overdue.
                for (var q = 2; q <= 4; q++)
                {
                    Progress(rows, id, $"progress-{q}", progressed.AddDays(90 * (q - 1)), "持续推进，纳入日常管理");
                }

                continue;
            }

            var roll = random.Next();
            if (roll < onTime)
            {
                var closed = Max(progressed.AddDays(1), due.AddDays(-random.Between(0, 10)));
                Close(rows, id, "closed", closed);
                if (random.Chance((1 - diligence) * 0.3))
                {
                    // 回头看: the problem came back, the credit for closing on time goes with it.
                    var reopened = closed.AddDays(random.Between(45, 90));
                    rows.Add($"{id}-reopened", new RecordBody
                    {
                        FindingReopening = new FindingReopening { Date = DemoRows.D(reopened), FindingId = id, Reason = "回头看发现问题反弹" },
                    });
                    Close(rows, id, "closed-again", reopened.AddDays(random.Between(20, 60)));
                }
            }
            else if (roll < onTime + ((1 - onTime) * 0.5))
            {
                Close(rows, id, "closed", due.AddDays(random.Between(10, 60)));
            }
            else
            {
                Progress(rows, id, "progress-2", due.AddDays(random.Between(5, 20)), "整改推进缓慢，尚未完成");
            }
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static void Progress(DemoRows rows, string id, string step, DateOnly date, string progress) =>
        rows.Add($"{id}-{step}", new RecordBody
        {
            FindingProgress = new FindingProgress { Date = DemoRows.D(date), FindingId = id, Progress = progress },
        });

    private static void Close(DemoRows rows, string id, string step, DateOnly date) =>
        rows.Add($"{id}-{step}", new RecordBody
        {
            FindingClosure = new FindingClosure { Date = DemoRows.D(date), FindingId = id, Verifier = Verifier },
        });
}
