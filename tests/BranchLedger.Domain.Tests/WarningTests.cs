using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Warnings;
using static BranchLedger.Domain.Tests.ObligationTestFacts;

namespace BranchLedger.Domain.Tests;

public class WarningTests
{
    private static readonly DateOnly MidMarch = D(2026, 3, 15);

    private static ComplianceReport ThemeDays(DateOnly today, params ActivityFact[] activities) =>
        Evaluate([DefaultObligations.ThemeDay], activities, Period.Year(2026), today);

    private static readonly ComplianceReport NoRules = Evaluate([], [], Period.Year(2026), MidMarch);

    private static IReadOnlyList<Warning> For(ComplianceReport report, DateOnly today) => WarningRules.For(report, [], [], today);

    [Fact]
    public void Missed_obligations_are_warned_about_only_for_closed_periods()
    {
        var warnings = For(ThemeDays(MidMarch), MidMarch);
        Assert.Equal(["2026-01", "2026-02"], warnings.Select(w => w.Period!.ToString()));
        Assert.All(warnings, w => Assert.Equal(WarningKind.MissedObligation, w.Kind));
        Assert.All(warnings, w => Assert.Equal("theme-day", w.SubjectId));
        Assert.Equal([D(2026, 1, 31), D(2026, 2, 28)], warnings.Select(w => w.DueDate!.Value));
        Assert.Equal([43, 15], warnings.Select(w => w.DaysOverdue));
        Assert.Equal("主题党日：2026年1月应完成1次，实际0次，未完成（期满已43天）", warnings[0].Message);
    }

    [Fact]
    public void Met_and_not_in_force_periods_raise_nothing()
    {
        var report = Evaluate(
            [DefaultObligations.ThemeDay with { EffectiveFrom = D(2026, 2, 1) }],
            [Meeting(MeetingKind.ThemeDay, D(2026, 2, 3))],
            Period.Year(2026),
            MidMarch);
        Assert.Empty(For(report, MidMarch));
    }

    [Fact]
    public void A_period_due_when_the_report_was_made_is_missed_once_it_has_closed()
    {
        var report = ThemeDays(MidMarch);
        Assert.Equal(2, For(report, D(2026, 3, 31)).Count);
        var april = For(report, D(2026, 4, 1));
        Assert.Equal(3, april.Count);
        Assert.Equal((Period.Month(2026, 3), 1), (april[2].Period, april[2].DaysOverdue));
    }

    [Fact]
    public void Missed_talk_coverage_is_counted_in_pairs()
    {
        var report = Compliance.Evaluate(
            [DefaultObligations.HeartToHeartTalks], [], [], [Talk(D(2025, 3, 3), "王", "李")],
            [new TalkRosterFact(D(2025, 1, 1), ["王", "李"], ["张"])], Period.Year(2025), D(2026, 1, 2));
        var warning = Assert.Single(For(report, D(2026, 1, 2)));
        Assert.Equal("谈心谈话：2025年应完成3对，已谈1对，未完成（期满已2天）", warning.Message);
    }

    [Fact]
    public void Each_quorum_failure_is_warned_about_at_once_with_its_record()
    {
        var failed = Meeting(MeetingKind.BranchGeneralMeeting, D(2026, 3, 2), attendees: 9, sequence: 55);
        var report = Evaluate([DefaultObligations.BranchGeneralMeeting], [failed], Period.Year(2026), D(2026, 3, 3));
        var warning = Assert.Single(For(report, D(2026, 3, 3)));
        Assert.Equal((WarningKind.QuorumFailure, "branch-general-meeting", 55L, 0), (warning.Kind, warning.SubjectId, warning.Sequence!.Value, warning.DaysOverdue));
        Assert.Equal(Period.Quarter(2026, 1), warning.Period);
        Assert.Equal("支部党员大会（记录#55，2026-03-02）实到9人，应到18人，须超过有表决权党员的半数即至少10人，不计入完成次数", warning.Message);
    }

    [Fact]
    public void A_quorum_failure_without_a_basis_says_so()
    {
        var failed = Meeting(MeetingKind.DemocraticLifeMeeting, D(2026, 3, 2), attendees: 9, expected: 0);
        var report = Evaluate([DefaultObligations.DemocraticLifeMeeting], [failed], Period.Year(2026), D(2026, 3, 3));
        Assert.Contains("无法认定达到法定人数", Assert.Single(For(report, D(2026, 3, 3))).Message);
    }

    [Fact]
    public void Findings_are_overdue_the_day_after_their_deadline_unless_closed_ongoing_or_without_one()
    {
        var today = D(2026, 5, 10);
        FindingFact[] findings =
        [
            new("f-deadline-today", today, false, RemediationType.ByDeadline),
            new("f-yesterday", today.AddDays(-1), false, RemediationType.ByDeadline),
            new("f-closed", today.AddDays(-30), true, RemediationType.ByDeadline),
            new("f-ongoing", today.AddDays(-30), false, RemediationType.Ongoing),
            new("f-no-deadline", null, false, RemediationType.FixNow),
            new("f-fix-now", today.AddDays(-10), false, RemediationType.FixNow),
        ];
        var warnings = WarningRules.For(NoRules, findings, [], today);
        Assert.Equal(["f-fix-now", "f-yesterday"], warnings.Select(w => w.SubjectId));
        Assert.All(warnings, w => Assert.Equal(WarningKind.OverdueFinding, w.Kind));
        Assert.Equal([10, 1], warnings.Select(w => w.DaysOverdue));
        Assert.Equal("整改问题f-fix-now（立行立改）已超过整改期限2026-04-30共10天，尚未销号", warnings[0].Message);
    }

    [Fact]
    public void Duty_items_are_overdue_after_their_due_day_until_done_or_verified()
    {
        var today = D(2026, 5, 10);
        DutyItemFact[] items =
        [
            new("d-planned", D(2026, 5, 1), DutyStatus.Planned, ActorClass.SecretaryFirstResponsible),
            new("d-in-progress", D(2026, 4, 1), DutyStatus.InProgress),
            new("d-done", D(2026, 4, 1), DutyStatus.Done),
            new("d-verified", D(2026, 4, 1), DutyStatus.Verified),
            new("d-due-today", today, DutyStatus.Planned),
            new("d-unspecified", D(2026, 5, 9), DutyStatus.Unspecified),
        ];
        var warnings = WarningRules.For(NoRules, [], items, today);
        Assert.Equal(["d-in-progress", "d-planned", "d-unspecified"], warnings.Select(w => w.SubjectId));
        Assert.Equal([39, 9, 1], warnings.Select(w => w.DaysOverdue));
        Assert.All(warnings, w => Assert.Equal(WarningKind.OverdueDutyItem, w.Kind));
        Assert.Equal("责任清单事项d-planned（书记第一责任人）已超过完成期限2026-05-01共9天，尚未完成", warnings[1].Message);
        Assert.Equal("责任清单事项d-in-progress已超过完成期限2026-04-01共39天，尚未完成", warnings[0].Message);
    }

    [Fact]
    public void Warnings_come_in_kind_order_and_ties_in_id_order()
    {
        var today = D(2026, 2, 2);
        var report = Evaluate(
            [DefaultObligations.ThemeDay, DefaultObligations.BranchGeneralMeeting],
            [Meeting(MeetingKind.BranchGeneralMeeting, D(2026, 1, 20), attendees: 1)],
            Period.Year(2026),
            today);
        var warnings = WarningRules.For(
            report,
            [new("f-b", D(2026, 1, 1), false, RemediationType.ByDeadline), new("f-a", D(2026, 1, 1), false, RemediationType.ByDeadline)],
            [new("d-1", D(2026, 1, 1), DutyStatus.Planned)],
            today);
        Assert.Equal(
            [WarningKind.MissedObligation, WarningKind.QuorumFailure, WarningKind.OverdueFinding, WarningKind.OverdueFinding, WarningKind.OverdueDutyItem],
            warnings.Select(w => w.Kind));
        Assert.Equal(["theme-day", "branch-general-meeting", "f-a", "f-b", "d-1"], warnings.Select(w => w.SubjectId));
    }
}
