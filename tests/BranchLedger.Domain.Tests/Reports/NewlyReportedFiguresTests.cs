using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Reports;
using static BranchLedger.Domain.Tests.Reports.ReportTestFacts;

namespace BranchLedger.Domain.Tests.Reports;

/// <summary>Kinds that were recorded but never reported (issue 19): each now feeds a figure, counted like the others.</summary>
public class NewlyReportedFiguresTests
{
    [Theory]
    [InlineData(MeetingKind.DemocraticLifeMeeting, ReportFigureKeys.DemocraticLifeMeetings)]
    [InlineData(MeetingKind.ThemeDay, ReportFigureKeys.ThemeDays)]
    [InlineData(MeetingKind.OrganisationalLifeMeeting, ReportFigureKeys.OrganisationalLifeMeetings)]
    [InlineData(MeetingKind.MemberAppraisal, ReportFigureKeys.MemberAppraisals)]
    [InlineData(MeetingKind.Symposium, ReportFigureKeys.Symposiums)]
    [InlineData(MeetingKind.WarningEducation, ReportFigureKeys.WarningEducation)]
    public void Each_meeting_kind_counts_its_sessions_of_the_year_per_node(MeetingKind kind, string key)
    {
        var facts = ReportFacts.Empty with
        {
            Meetings =
            [
                Meeting(Group, 1, kind), Meeting(Office, 2, kind), Meeting(Office, 3, kind),
                Meeting(Office, 4, kind, D(Year - 1, 12, 31)), Meeting(Office, 5, MeetingKind.PartyGroupMeeting),
            ],
        };

        var figure = Figure(facts, key);

        AssertFigure(figure, 3, ReportUnits.Times, R(Office, 2), R(Office, 3), R(Group, 1));
        Assert.Equal([N(Office, 2), N(Group, 1)], figure.ByNode);
    }

    [Fact]
    public void Heart_to_heart_talks_count_talks_not_people()
    {
        var facts = ReportFacts.Empty with
        {
            Talks = [Talk(Office, 1, TalkKind.HeartToHeart, 2), Talk(Office, 2, TalkKind.HeartToHeart, 0), Talk(Group, 3, TalkKind.Integrity, 4)],
        };

        AssertFigure(Figure(facts, ReportFigureKeys.HeartToHeartTalks), 2, ReportUnits.Times, R(Office, 1), R(Office, 2));
    }

    [Fact]
    public void Service_sessions_count_sessions_and_stay_apart_from_members_reporting()
    {
        var facts = ReportFacts.Empty with
        {
            CommunityService =
            [
                new CommunityServiceFact(Office, 1, CommunityServiceKind.ServiceSession, 12, InYear()),
                new CommunityServiceFact(Office, 2, CommunityServiceKind.MembersReporting, 30, InYear()),
            ],
        };

        AssertFigure(Figure(facts, ReportFigureKeys.ServiceSessions), 1, ReportUnits.Times, R(Office, 1));
        AssertFigure(Figure(facts, ReportFigureKeys.MembersReporting), 30, ReportUnits.People, R(Office, 2));
    }

    [Fact]
    public void District_and_in_house_brands_stand_in_the_local_figure()
    {
        var facts = ReportFacts.Empty with
        {
            Brands =
            [
                new BrandFact(Office, 1, RecognitionLevel.District, BrandStatus.Building, D(Year - 2, 5, 1)),
                new BrandFact(Office, 2, RecognitionLevel.Internal, BrandStatus.Recognised, InYear()),
                new BrandFact(Office, 3, RecognitionLevel.District, BrandStatus.Withdrawn, InYear()),
                new BrandFact(Office, 4, RecognitionLevel.City, BrandStatus.Building, InYear()),
            ],
        };

        AssertFigure(Figure(facts, ReportFigureKeys.BrandsLocal), 2, ReportUnits.Things, R(Office, 1), R(Office, 2));
    }

    [Fact]
    public void A_campaign_counts_once_however_many_status_records_and_nodes_it_has()
    {
        var facts = ReportFacts.Empty with
        {
            Campaigns =
            [
                new CampaignFact(Group, 1, "模范机关创建", CampaignStatus.Launched, InYear(2, 1)),
                new CampaignFact(Group, 2, "模范机关创建", CampaignStatus.InProgress, InYear(6, 1)),
                new CampaignFact(Office, 3, "模范机关创建", CampaignStatus.InProgress, InYear(7, 1)),
                new CampaignFact(Office, 4, "文明单位创建", CampaignStatus.Launched, InYear(3, 1)),
                new CampaignFact(Office, 5, "过去的创建", CampaignStatus.Achieved, D(Year - 1, 11, 1)),
            ],
        };

        var figure = Figure(facts, ReportFigureKeys.Campaigns);

        AssertFigure(figure, 2, ReportUnits.Items, R(Office, 3), R(Office, 4), R(Group, 1), R(Group, 2));
        Assert.Empty(figure.ByNode);
        Assert.True(Figure(facts, ReportFigureKeys.CampaignsAchieved).HasNoRecords);
    }

    [Fact]
    public void A_campaign_is_achieved_when_its_latest_record_of_the_year_says_so()
    {
        var facts = ReportFacts.Empty with
        {
            Campaigns =
            [
                new CampaignFact(Group, 1, "模范机关创建", CampaignStatus.InProgress, InYear(2, 1)),
                new CampaignFact(Group, 2, "模范机关创建", CampaignStatus.Achieved, InYear(11, 1)),
                new CampaignFact(Office, 3, "文明单位创建", CampaignStatus.Achieved, InYear(3, 1)),
                new CampaignFact(Office, 4, "文明单位创建", CampaignStatus.NotAchieved, InYear(12, 1)),
            ],
        };

        AssertFigure(Figure(facts, ReportFigureKeys.CampaignsAchieved), 1, ReportUnits.Items, R(Group, 2));
    }
}
