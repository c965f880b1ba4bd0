using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Reports;
using static BranchLedger.Domain.Tests.Reports.ReportTestFacts;

namespace BranchLedger.Domain.Tests.Reports;

/// <summary>Meeting and study figures: each counts exactly its own kind, in sessions or issues.</summary>
public class MeetingFiguresTests
{
    private static readonly ReportFacts Mixed = ReportFacts.Empty with
    {
        Meetings =
        [
            Meeting(Group, 1, MeetingKind.PartyGroupMeeting),
            Meeting(Group, 2, MeetingKind.PartyGroupMeeting),
            Meeting(Group, 3, MeetingKind.ChairOfficeMeeting),
            Meeting(Group, 4, MeetingKind.TheoryStudyGroup),
            Meeting(Group, 5, MeetingKind.TheoryStudyGroup),
            Meeting(Group, 6, MeetingKind.TheoryStudyGroup),
            Meeting(Office, 7, MeetingKind.WeeklyCadreStudy),
            Meeting(Office, 8, MeetingKind.MembersForum),
            Meeting(Office, 9, MeetingKind.StudyDiscussion),
            Meeting(Group, 10, MeetingKind.SpecialLecture),
            Meeting(Office, 11, MeetingKind.PartyLecture, bySecretary: true),
            Meeting(Office, 12, MeetingKind.PartyLecture),
            Meeting(Service, 13, MeetingKind.PartyLecture, bySecretary: true),
            Meeting(Office, 14, MeetingKind.BranchCommitteeMeeting),
            Meeting(Office, 15, MeetingKind.ThemeDay),
        ],
    };

    [Theory]
    [InlineData(ReportFigureKeys.PartyGroupMeetings, 2, ReportUnits.Times)]
    [InlineData(ReportFigureKeys.ChairOfficeMeetings, 1, ReportUnits.Times)]
    [InlineData(ReportFigureKeys.TheoryStudySessions, 3, ReportUnits.Times)]
    [InlineData(ReportFigureKeys.WeeklyStudies, 1, ReportUnits.Times)]
    [InlineData(ReportFigureKeys.MembersForums, 1, ReportUnits.Issues)]
    [InlineData(ReportFigureKeys.StudyDiscussions, 1, ReportUnits.Times)]
    [InlineData(ReportFigureKeys.SpecialLectures, 1, ReportUnits.Issues)]
    [InlineData(ReportFigureKeys.SecretaryLectures, 2, ReportUnits.Times)]
    public void Each_meeting_figure_counts_only_its_kind(string key, int value, string unit)
    {
        var figure = Figure(Mixed, key);
        Assert.Equal(value, figure.Value);
        Assert.Equal(unit, figure.Unit);
        Assert.Equal(value, figure.Sources.Count);
    }

    [Fact]
    public void Party_group_meetings_trace_to_their_records()
    {
        AssertFigure(Figure(Mixed, ReportFigureKeys.PartyGroupMeetings), 2, ReportUnits.Times, R(Group, 1), R(Group, 2));
        AssertFigure(Figure(Mixed, ReportFigureKeys.TheoryStudySessions), 3, ReportUnits.Times, R(Group, 4), R(Group, 5), R(Group, 6));
    }

    [Fact]
    public void Secretary_lectures_count_only_party_lectures_given_by_the_secretary_across_branches()
    {
        var withFlagOnOtherKind = Mixed with
        {
            Meetings = [.. Mixed.Meetings, Meeting(Office, 16, MeetingKind.SpecialLecture, bySecretary: true)],
        };

        var figure = Figure(withFlagOnOtherKind, ReportFigureKeys.SecretaryLectures);

        AssertFigure(figure, 2, ReportUnits.Times, R(Office, 11), R(Service, 13));
        Assert.Equal([N(Office, 1), N(Service, 1)], figure.ByNode);
    }

    [Fact]
    public void Branch_obligation_meetings_feed_no_leadership_figure()
    {
        var facts = ReportFacts.Empty with
        {
            Meetings =
            [
                Meeting(Office, 1, MeetingKind.BranchGeneralMeeting),
                Meeting(Office, 2, MeetingKind.SmallGroupMeeting),
                Meeting(Office, 3, MeetingKind.DemocraticLifeMeeting),
            ],
        };

        var figures = AnnualReportFigures.Compute(facts, Year);

        // 民主生活会 has its own figure since issue 19; it still feeds none of the others.
        Assert.All(
            figures.Figures.Where(f => (f.Key.StartsWith("meetings.", StringComparison.Ordinal) || f.Key.StartsWith("lectures.", StringComparison.Ordinal))
                && f.Key != ReportFigureKeys.DemocraticLifeMeetings),
            f => Assert.Equal(0, f.Value));
        AssertFigure(figures[ReportFigureKeys.DemocraticLifeMeetings], 1, ReportUnits.Times, R(Office, 3));
    }

    [Fact]
    public void Sources_are_ordered_by_node_then_sequence_whatever_the_input_order()
    {
        var facts = ReportFacts.Empty with
        {
            Meetings =
            [
                Meeting(Service, 9, MeetingKind.StudyDiscussion),
                Meeting(Office, 30, MeetingKind.StudyDiscussion),
                Meeting(Office, 4, MeetingKind.StudyDiscussion),
                Meeting(Group, 7, MeetingKind.StudyDiscussion),
            ],
        };

        var figure = Figure(facts, ReportFigureKeys.StudyDiscussions);

        AssertFigure(figure, 4, ReportUnits.Times, R(Office, 4), R(Office, 30), R(Group, 7), R(Service, 9));
        Assert.Equal([N(Office, 2), N(Group, 1), N(Service, 1)], figure.ByNode);
    }
}
