using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Tests;

public class AttendanceRulesTests
{
    private static (AbsenceReason, string?, string?) Away(AbsenceReason reason, string? name = null, string? note = null) => (reason, name, note);

    private static IReadOnlyList<FieldViolation> Check(
        int attendees, int expected, IReadOnlyList<(AbsenceReason, string?, string?)>? absences = null, IReadOnlyList<string>? names = null) =>
        AttendanceRules.Check(new Violations(), "meeting.", attendees, expected, absences ?? [], names ?? []).Items;

    [Fact]
    public void Present_plus_absent_adding_up_to_expected_is_accepted() =>
        Assert.Empty(Check(5, 7, [Away(AbsenceReason.SickLeave, "张三"), Away(AbsenceReason.OfficialDuty)], ["李四", "王五"]));

    [Theory]
    [InlineData(5, 8)]
    [InlineData(6, 7)]
    [InlineData(4, 7)]
    public void The_counts_follow_from_the_ticks(int attendees, int expected)
    {
        var violation = Assert.Single(Check(attendees, expected, [Away(AbsenceReason.SickLeave), Away(AbsenceReason.PersonalLeave)]));
        Assert.Equal("meeting.absences", violation.Field);
        Assert.Contains("must equal expected_attendees", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_absences_or_without_an_expected_count_nothing_has_to_add_up()
    {
        Assert.Empty(Check(5, 7));
        Assert.Empty(Check(5, 0, [Away(AbsenceReason.Other, note: "外出学习")]));
    }

    [Theory]
    [InlineData(AbsenceReason.Unspecified)]
    [InlineData((AbsenceReason)9)]
    public void An_absence_needs_a_known_reason(AbsenceReason reason) =>
        Assert.Equal("meeting.absences[1].reason", Assert.Single(Check(5, 7, [Away(AbsenceReason.SickLeave), Away(reason)])).Field);

    [Fact]
    public void Names_and_notes_are_within_limits_and_printable()
    {
        Assert.Equal(
            ["meeting.absences[0].name", "meeting.absences[0].note", "meeting.attendee_names[1]", "meeting.attendee_names[2]"],
            Check(
                5, 6,
                [Away(AbsenceReason.Other, new string('名', RecordRules.MaxNameLength + 1), "bell\u0007")],
                ["甲", " ", new string('名', RecordRules.MaxNameLength + 1)]).Select(v => v.Field));
    }

    [Fact]
    public void No_more_names_present_than_attendees() =>
        Assert.Equal("meeting.attendee_names", Assert.Single(Check(2, 0, names: ["甲", "乙", "丙"])).Field);

    [Fact]
    public void Lists_have_a_ceiling()
    {
        var many = Enumerable.Repeat(Away(AbsenceReason.SickLeave), AttendanceRules.MaxEntries + 1).ToList();
        Assert.Equal("meeting.absences", Assert.Single(Check(0, 0, many)).Field);
    }

    [Fact]
    public void Absences_are_summed_up_by_reason_in_chinese()
    {
        Assert.Equal("缺席：公差 2、病假 1", AttendanceRules.Summary([AbsenceReason.SickLeave, AbsenceReason.OfficialDuty, AbsenceReason.OfficialDuty]));
        Assert.Equal("", AttendanceRules.Summary([]));
    }
}
