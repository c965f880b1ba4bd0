using System.Globalization;
using BranchLedger.Domain.Obligations;

namespace BranchLedger.Domain.Warnings;

/// <summary>Derives warnings from a compliance report, findings and duty items as of one day.</summary>
public static class WarningRules
{
    /// <summary>
    /// The warnings as of <paramref name="today"/>, in this order: missed obligations and quorum failures
    /// in report order, then overdue findings and overdue duty items, most overdue first. An obligation is
    /// missed only once its period has closed (Due periods are not warned about: there is still time);
    /// "overdue" always means the date has passed — on the deadline itself nothing is overdue yet.
    /// </summary>
    public static IReadOnlyList<Warning> For(
        ComplianceReport report, IEnumerable<FindingFact> findings, IEnumerable<DutyItemFact> dutyItems, DateOnly today)
    {
        var warnings = new List<Warning>();
        foreach (var result in report.Results)
        {
            foreach (var row in result.Rows)
            {
                // Judged again with today: a row that was Due when the report was made may have closed since.
                if (row.Status is ObligationStatus.Missed or ObligationStatus.Due && row.Period.IsClosed(today))
                {
                    warnings.Add(Missed(result, row, today));
                }
            }
        }

        warnings.AddRange(report.Results.SelectMany(r => r.Rows.SelectMany(row => row.QuorumFailures.Select(f => Quorum(r, row, f)))));

        warnings.AddRange(findings
            .Where(f => f.DaysOverdue(today) is not null)
            .Select(f => Finding(f, f.Deadline!.Value, today))
            .OrderByDescending(w => w.DaysOverdue).ThenBy(w => w.SubjectId, StringComparer.Ordinal));

        warnings.AddRange(dutyItems
            .Where(d => d.DaysOverdue(today) is not null)
            .Select(d => Duty(d, today))
            .OrderByDescending(w => w.DaysOverdue).ThenBy(w => w.SubjectId, StringComparer.Ordinal));

        return warnings;
    }

    private static Warning Missed(ObligationResult result, ObligationRow row, DateOnly today)
    {
        var days = today.DayNumber - row.Period.End.DayNumber;
        var unit = row.Rule?.Subject.Kind == SubjectKind.TalkPairs ? "对" : "次";
        var did = row.Rule?.Subject.Kind == SubjectKind.TalkPairs ? "已谈" : "实际";
        var message = Text($"{result.Name}：{row.Period.DisplayName}应完成{row.Required}{unit}，{did}{row.Raw}{unit}，未完成（期满已{days}天）");
        return new Warning(WarningKind.MissedObligation, result.RuleId, row.Period, row.Period.End, days, message);
    }

    private static Warning Quorum(ObligationResult result, ObligationRow row, QuorumFailure failure)
    {
        var need = failure.RequiredPresent is { } required
            ? Text($"应到{failure.BasisCount}人，须{failure.Quorum.DisplayName}即至少{required}人")
            : "缺少人数依据（名册或应到人数），无法认定达到法定人数";
        var message = Text($"{result.Name}（记录#{failure.Sequence}，{failure.Date:yyyy-MM-dd}）实到{failure.Present}人，{need}，不计入完成次数");
        return new Warning(WarningKind.QuorumFailure, result.RuleId, row.Period, null, 0, message, failure.Sequence);
    }

    private static Warning Finding(FindingFact finding, DateOnly deadline, DateOnly today)
    {
        var days = today.DayNumber - deadline.DayNumber;
        var type = finding.Type == RemediationType.FixNow ? "立行立改" : "限期整改";
        var message = Text($"整改问题{finding.Id}（{type}）已超过整改期限{deadline:yyyy-MM-dd}共{days}天，尚未销号");
        return new Warning(WarningKind.OverdueFinding, finding.Id, null, deadline, days, message);
    }

    private static Warning Duty(DutyItemFact item, DateOnly today)
    {
        var days = today.DayNumber - item.Due.DayNumber;
        var actor = item.Actor.DisplayName();
        var who = actor.Length == 0 ? "" : $"（{actor}）";
        var message = Text($"责任清单事项{item.Id}{who}已超过完成期限{item.Due:yyyy-MM-dd}共{days}天，尚未完成");
        return new Warning(WarningKind.OverdueDutyItem, item.Id, null, item.Due, days, message);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
