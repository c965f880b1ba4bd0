using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Tests;

public class MeetingRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static IReadOnlyList<FieldViolation> Check(
        MeetingKind kind = MeetingKind.BranchCommitteeMeeting,
        DateOnly? date = null,
        string? topic = "研究部署党建工作",
        int attendees = 5,
        int expected = 7,
        string? notes = "") =>
        MeetingRules.Check(new Violations(), "meeting.", kind, date ?? Today, topic, attendees, expected, Today).Notes("meeting.notes", notes).Items;

    [Fact]
    public void A_complete_meeting_is_accepted() => Assert.Empty(Check());

    [Fact]
    public void Unspecified_and_unknown_kinds_are_refused()
    {
        Assert.Equal("meeting.kind", Assert.Single(Check(kind: MeetingKind.Unspecified)).Field);
        Assert.Equal("meeting.kind", Assert.Single(Check(kind: (MeetingKind)999)).Field);
    }

    [Theory]
    [InlineData(1999, 12, 31)]
    [InlineData(2026, 11, 29)]
    [InlineData(9999, 12, 31)]
    public void Dates_before_2000_or_after_tomorrow_are_refused(int y, int m, int d) =>
        Assert.Equal("meeting.date", Assert.Single(Check(date: new DateOnly(y, m, d))).Field);

    [Fact]
    public void Tomorrow_is_accepted_for_callers_a_time_zone_ahead() =>
        Assert.Empty(Check(date: Today.AddDays(1)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("with\0nul")]
    [InlineData("bell\u0007")]
    public void Topic_must_be_present_and_printable(string? topic) =>
        Assert.Equal("meeting.topic", Assert.Single(Check(topic: topic)).Field);

    [Fact]
    public void Topic_and_notes_have_length_limits()
    {
        Assert.Empty(Check(topic: new string('学', RecordRules.MaxTitleLength)));
        Assert.Equal("meeting.topic", Assert.Single(Check(topic: new string('学', RecordRules.MaxTitleLength + 1))).Field);
        Assert.Equal("meeting.notes", Assert.Single(Check(notes: new string('x', RecordRules.MaxNotesLength + 1))).Field);
    }

    [Fact]
    public void Notes_may_hold_line_breaks_and_tabs() => Assert.Empty(Check(notes: "一、\r\n\t议题"));

    [Fact]
    public void Counts_cannot_be_negative_and_attendance_cannot_exceed_expected()
    {
        Assert.Equal(["meeting.attendees"], Check(attendees: -1).Select(v => v.Field));
        Assert.Equal(["meeting.expected_attendees"], Check(expected: -1, attendees: 0).Select(v => v.Field));
        Assert.Equal(["meeting.attendees"], Check(attendees: 8, expected: 7).Select(v => v.Field));
        Assert.Empty(Check(attendees: 30, expected: 0));
    }

    [Fact]
    public void Every_violation_is_reported_at_once()
    {
        var fields = Check(kind: MeetingKind.Unspecified, topic: "", attendees: -3).Select(v => v.Field);
        Assert.Equal(["meeting.kind", "meeting.topic", "meeting.attendees"], fields);
    }
}
