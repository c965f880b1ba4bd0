using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Reports;
using BranchLedger.Domain.Warnings;
using static BranchLedger.Domain.Tests.Reports.ReportTestFacts;

namespace BranchLedger.Domain.Tests.Reports;

/// <summary>Year boundaries, figures with no records, the key set and the self-assessment order.</summary>
public class ReportYearAndShapeTests
{
    private static readonly DateOnly LastDayBefore = D(Year - 1, 12, 31);
    private static readonly DateOnly FirstDay = D(Year, 1, 1);
    private static readonly DateOnly LastDay = D(Year, 12, 31);
    private static readonly DateOnly FirstDayAfter = D(Year + 1, 1, 1);

    private static readonly ReportFacts Boundary = ReportFacts.Empty with
    {
        Meetings =
        [
            Meeting(Group, 1, MeetingKind.PartyGroupMeeting, LastDayBefore),
            Meeting(Group, 2, MeetingKind.PartyGroupMeeting, FirstDay),
            Meeting(Group, 3, MeetingKind.PartyGroupMeeting, LastDay),
            Meeting(Group, 4, MeetingKind.PartyGroupMeeting, FirstDayAfter),
        ],
        Talks =
        [
            Talk(Group, 5, TalkKind.Integrity, 10, LastDayBefore),
            Talk(Group, 6, TalkKind.Integrity, 2, FirstDay),
            Talk(Group, 7, TalkKind.Integrity, 3, LastDay),
            Talk(Group, 8, TalkKind.Integrity, 20, FirstDayAfter),
        ],
        RiskPoints = [new(Group, 9, 5, LastDayBefore), new(Group, 10, 2, LastDay)],
        CommunityService =
        [
            new(Office, 11, CommunityServiceKind.MembersReporting, 4, FirstDay),
            new(Office, 12, CommunityServiceKind.MembersReporting, 9, FirstDayAfter),
        ],
        QuarterlyReviews = [new(Group, 13, LastDayBefore), new(Group, 14, FirstDay)],
        DutyItems = [new(Group, 15, LastDay, DutyStatus.Done, true), new(Group, 16, FirstDayAfter, DutyStatus.Done, true)],
        Findings = [new(Group, 17, LastDayBefore, false, true), new(Group, 18, FirstDay, false, true)],
        Honours = [new(Group, 19, RecognitionLevel.City, RecipientKind.Unit, LastDay), new(Group, 20, RecognitionLevel.City, RecipientKind.Unit, FirstDayAfter)],
        Brands = [new(Group, 21, RecognitionLevel.City, BrandStatus.Building, LastDay), new(Group, 22, RecognitionLevel.City, BrandStatus.Building, FirstDayAfter)],
    };

    [Fact]
    public void Records_of_1_January_and_31_December_count_and_their_neighbours_do_not()
    {
        AssertFigure(Figure(Boundary, ReportFigureKeys.PartyGroupMeetings), 2, ReportUnits.Times, R(Group, 2), R(Group, 3));
        AssertFigure(Figure(Boundary, ReportFigureKeys.IntegrityTalks), 5, ReportUnits.PersonTimes, R(Group, 6), R(Group, 7));
        AssertFigure(Figure(Boundary, ReportFigureKeys.RiskMeasures), 2, ReportUnits.Measures, R(Group, 10));
        AssertFigure(Figure(Boundary, ReportFigureKeys.MembersReporting), 4, ReportUnits.People, R(Office, 11));
        AssertFigure(Figure(Boundary, ReportFigureKeys.QuarterlyReviews), 1, ReportUnits.Times, R(Group, 14));
        AssertFigure(Figure(Boundary, ReportFigureKeys.DutiesDue), 1, ReportUnits.Items, R(Group, 15));
        AssertFigure(Figure(Boundary, ReportFigureKeys.FindingsOverdue), 1, ReportUnits.Items, R(Group, 18));
        AssertFigure(Figure(Boundary, ReportFigureKeys.HonoursCity), 1, ReportUnits.Items, R(Group, 19));
        AssertFigure(Figure(Boundary, ReportFigureKeys.BrandsCity), 1, ReportUnits.Things, R(Group, 21));
    }

    [Fact]
    public void The_next_year_counts_the_records_after_the_boundary()
    {
        AssertFigure(Figure(Boundary, ReportFigureKeys.PartyGroupMeetings, Year + 1), 1, ReportUnits.Times, R(Group, 4));
        AssertFigure(Figure(Boundary, ReportFigureKeys.IntegrityTalks, Year + 1), 20, ReportUnits.PersonTimes, R(Group, 8));
        // a brand project stands on into the next year
        AssertFigure(Figure(Boundary, ReportFigureKeys.BrandsCity, Year + 1), 2, ReportUnits.Things, R(Group, 21), R(Group, 22));
    }

    [Fact]
    public void With_no_records_every_figure_is_zero_with_nothing_behind_it()
    {
        var figures = AnnualReportFigures.Compute(ReportFacts.Empty, Year);

        Assert.Equal(Year, figures.Year);
        Assert.All(figures.Figures, f =>
        {
            Assert.Equal(0, f.Value);
            Assert.Empty(f.Sources);
            Assert.Empty(f.ByNode);
            Assert.True(f.HasNoRecords);
        });
        Assert.Empty(figures.SelfAssessment);
    }

    [Fact]
    public void Every_key_appears_exactly_once_with_a_known_unit()
    {
        // The constants and the keys the record catalogue's kinds declare.
        var expected = ReportFigureKeys.All
            .Order(StringComparer.Ordinal)
            .ToList();
        var units = typeof(ReportUnits).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet();

        var figures = AnnualReportFigures.Compute(ReportFacts.Empty, Year).Figures;

        Assert.Equal(expected, figures.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.All(figures, f => Assert.Contains(f.Unit, units));
    }

    [Fact]
    public void Asking_for_an_unknown_key_throws()
    {
        var figures = AnnualReportFigures.Compute(ReportFacts.Empty, Year);

        Assert.Throws<KeyNotFoundException>(() => figures["meetings.nonexistent"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public void A_year_out_of_range_is_refused(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnualReportFigures.Compute(ReportFacts.Empty, year));
    }

    [Fact]
    public void Computing_twice_gives_equal_figures()
    {
        var first = AnnualReportFigures.Compute(Boundary, Year);
        var second = AnnualReportFigures.Compute(Boundary, Year);

        Assert.Equal(first.Figures.Select(f => (f.Key, f.Value, f.Unit)), second.Figures.Select(f => (f.Key, f.Value, f.Unit)));
        Assert.Equal(first.Figures.SelectMany(f => f.Sources), second.Figures.SelectMany(f => f.Sources));
    }

    [Fact]
    public void Self_assessment_keeps_the_years_entries_in_section_then_order()
    {
        var facts = ReportFacts.Empty with
        {
            SelfAssessment =
            [
                new(Group, 5, Year, SelfAssessmentSection.NextStep, 1, "突出政治统领"),
                new(Group, 2, Year, SelfAssessmentSection.Problem, 2, "融合不够"),
                new(Group, 1, Year, SelfAssessmentSection.Problem, 1, "重视程度不够"),
                new(Group, 4, Year, SelfAssessmentSection.Cause, 1, "压力传导不够"),
                new(Group, 3, Year - 1, SelfAssessmentSection.Problem, 1, "去年的问题"),
            ],
        };

        var entries = AnnualReportFigures.Compute(facts, Year).SelfAssessment;

        Assert.Equal([1L, 2L, 4L, 5L], entries.Select(e => e.Sequence));
        Assert.Equal("重视程度不够", entries[0].Text);
    }
}
