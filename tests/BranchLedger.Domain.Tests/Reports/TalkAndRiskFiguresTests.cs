using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Reports;
using static BranchLedger.Domain.Tests.Reports.ReportTestFacts;

namespace BranchLedger.Domain.Tests.Reports;

/// <summary>Talks (人次 vs 次), risk measures, members reporting and the party group's reviews.</summary>
public class TalkAndRiskFiguresTests
{
    private static readonly ReportFacts Talks = ReportFacts.Empty with
    {
        Talks =
        [
            Talk(Group, 1, TalkKind.Integrity, 5),
            Talk(Office, 2, TalkKind.Integrity, 3),
            Talk(Group, 3, TalkKind.Group, 40),
            Talk(Office, 4, TalkKind.Group, 12),
            Talk(Office, 5, TalkKind.Group, 9),
            Talk(Group, 6, TalkKind.Reminder, 2),
            Talk(Group, 7, TalkKind.Reminder, 1),
            Talk(Office, 8, TalkKind.HeartToHeart, 2),
        ],
    };

    [Fact]
    public void Integrity_talks_sum_the_people_talked_to()
    {
        var figure = Figure(Talks, ReportFigureKeys.IntegrityTalks);

        AssertFigure(figure, 8, ReportUnits.PersonTimes, R(Office, 2), R(Group, 1));
        Assert.Equal([N(Office, 3), N(Group, 5)], figure.ByNode);
    }

    [Fact]
    public void Group_talks_count_sessions_not_people()
    {
        var figure = Figure(Talks, ReportFigureKeys.GroupTalks);

        AssertFigure(figure, 3, ReportUnits.Times, R(Office, 4), R(Office, 5), R(Group, 3));
        Assert.Equal([N(Office, 2), N(Group, 1)], figure.ByNode);
    }

    [Fact]
    public void Reminder_talks_sum_people()
    {
        AssertFigure(Figure(Talks, ReportFigureKeys.ReminderTalks), 3, ReportUnits.PersonTimes, R(Group, 6), R(Group, 7));
    }

    [Fact]
    public void Heart_to_heart_talks_feed_only_their_own_figure_not_the_per_person_ones()
    {
        var facts = ReportFacts.Empty with { Talks = [Talk(Office, 1, TalkKind.HeartToHeart, 2)] };
        var figures = AnnualReportFigures.Compute(facts, Year);

        Assert.All(
            figures.Figures.Where(f => f.Key.StartsWith("talks.", StringComparison.Ordinal) && f.Key != ReportFigureKeys.HeartToHeartTalks),
            f => Assert.True(f.HasNoRecords));
        AssertFigure(figures[ReportFigureKeys.HeartToHeartTalks], 1, ReportUnits.Times, R(Office, 1));
    }

    [Fact]
    public void A_per_person_talk_with_nobody_recorded_adds_nothing_but_still_traces()
    {
        var facts = ReportFacts.Empty with { Talks = [Talk(Group, 1, TalkKind.Integrity, 0)] };
        var figure = Figure(facts, ReportFigureKeys.IntegrityTalks);

        AssertFigure(figure, 0, ReportUnits.PersonTimes, R(Group, 1));
        Assert.False(figure.HasNoRecords);
    }

    [Fact]
    public void Risk_measures_sum_measures_and_risk_points_count_points()
    {
        var facts = ReportFacts.Empty with
        {
            RiskPoints = [new(Group, 1, 4, InYear()), new(Group, 2, 3, InYear()), new(Office, 3, 0, InYear())],
        };

        AssertFigure(Figure(facts, ReportFigureKeys.RiskMeasures), 7, ReportUnits.Measures, R(Office, 3), R(Group, 1), R(Group, 2));
        AssertFigure(Figure(facts, ReportFigureKeys.RiskPoints), 3, ReportUnits.Things, R(Office, 3), R(Group, 1), R(Group, 2));
    }

    [Fact]
    public void Members_reporting_sum_members_of_reporting_records_only()
    {
        var facts = ReportFacts.Empty with
        {
            CommunityService =
            [
                new(Office, 1, CommunityServiceKind.MembersReporting, 12, InYear()),
                new(Service, 2, CommunityServiceKind.MembersReporting, 8, InYear()),
                new(Office, 3, CommunityServiceKind.ServiceSession, 30, InYear()),
            ],
        };

        var figure = Figure(facts, ReportFigureKeys.MembersReporting);

        AssertFigure(figure, 20, ReportUnits.People, R(Office, 1), R(Service, 2));
        Assert.Equal([N(Office, 12), N(Service, 8)], figure.ByNode);
    }

    [Fact]
    public void Quarterly_reviews_count_every_review_and_the_quarters_they_cover()
    {
        var facts = ReportFacts.Empty with
        {
            QuarterlyReviews =
            [
                new(Group, 1, D(Year, 3, 28)),
                new(Group, 2, D(Year, 6, 30)),
                new(Group, 3, D(Year, 5, 2)),
                new(Group, 4, D(Year, 12, 20)),
            ],
        };

        AssertFigure(Figure(facts, ReportFigureKeys.QuarterlyReviews), 4, ReportUnits.Times, R(Group, 1), R(Group, 2), R(Group, 3), R(Group, 4));
        var quarters = Figure(facts, ReportFigureKeys.QuartersReviewed);
        Assert.Equal(3, quarters.Value);
        Assert.Equal(ReportUnits.Things, quarters.Unit);
        Assert.Equal(4, quarters.Sources.Count);
    }

    [Fact]
    public void Negative_counts_are_refused()
    {
        var facts = ReportFacts.Empty with { Talks = [Talk(Group, 1, TalkKind.Integrity, -1)] };

        Assert.Throws<ArgumentOutOfRangeException>(() => AnnualReportFigures.Compute(facts, Year));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnualReportFigures.Compute(
            ReportFacts.Empty with { RiskPoints = [new(Group, 1, -2, InYear())] }, Year));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnualReportFigures.Compute(
            ReportFacts.Empty with { CommunityService = [new(Group, 1, CommunityServiceKind.MembersReporting, -2, InYear())] }, Year));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnualReportFigures.Compute(
            ReportFacts.Empty with { ThreeMeetingsOneLecture = [new(Office, Year, -1, 4)] }, Year));
    }
}
