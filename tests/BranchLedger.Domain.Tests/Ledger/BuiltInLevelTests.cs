using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Warnings;
using BranchLedger.Ledger;
using static BranchLedger.Domain.Tests.LedgerAggregates.LedgerAggregateTests;
using static BranchLedger.Domain.Tests.LedgerAggregates.LevelCases;

namespace BranchLedger.Domain.Tests.LedgerAggregates;

// The built-in kinds' levels, and a meeting judged by its meeting kind: the leadership's meetings at the
// leadership, the branch's 支部党员大会 and 支委会 at branches, 党小组会 below the leadership.
public sealed class BuiltInLevelTests
{
    private static void Held(NodeKind level, RecordBody body) =>
        Assert.False(NewLedger(At(level)).Decide(Command("h", body), Today, Now).Replayed);

    private static QuarterlyReviewDetails Review() => new() { Date = new DateOnly(2026, 6, 1), Topic = "听取党建工作汇报" };

    [Theory]
    [InlineData(MeetingKind.PartyGroupMeeting)]
    [InlineData(MeetingKind.ChairOfficeMeeting)]
    [InlineData(MeetingKind.TheoryStudyGroup)]
    [InlineData(MeetingKind.DemocraticLifeMeeting)]
    public void The_leaderships_meetings_are_held_by_the_organisation_alone(MeetingKind kind)
    {
        Held(NodeKind.Organisation, Meeting(kind: kind));
        foreach (var level in new[] { NodeKind.GeneralBranch, NodeKind.Branch, NodeKind.SmallGroup })
        {
            Refused(level, Meeting(kind: kind));
        }
    }

    [Fact]
    public void A_branch_is_refused_a_party_group_meeting_in_Chinese_naming_the_meeting_kind()
    {
        var refused = Refused(NodeKind.Branch, Meeting(kind: MeetingKind.PartyGroupMeeting));

        Assert.Equal(FieldPaths.Body, refused.Subject);
        Assert.Equal("党支部的台账不记录“党组会”：只有党组（机关党委）的台账记录这类记录。", refused.Message);
    }

    [Theory]
    [InlineData(MeetingKind.BranchGeneralMeeting)]
    [InlineData(MeetingKind.BranchCommitteeMeeting)]
    public void A_branchs_general_meeting_and_committee_are_held_by_branches(MeetingKind kind)
    {
        // Two present: within the committee of three the test roster holds.
        Held(NodeKind.Branch, Meeting(kind: kind, attendees: 2));
        Held(NodeKind.GeneralBranch, Meeting(kind: kind, attendees: 2));
        Refused(NodeKind.Organisation, Meeting(kind: kind, attendees: 2));
        Assert.Contains("党小组的台账不记录", Refused(NodeKind.SmallGroup, Meeting(kind: kind, attendees: 2)).Message);
    }

    [Fact]
    public void A_small_group_meeting_is_held_by_the_small_group_and_counted_by_its_branch_not_by_the_leadership()
    {
        Held(NodeKind.SmallGroup, Meeting(kind: MeetingKind.SmallGroupMeeting));
        Held(NodeKind.Branch, Meeting(kind: MeetingKind.SmallGroupMeeting));
        Refused(NodeKind.Organisation, Meeting(kind: MeetingKind.SmallGroupMeeting));
    }

    [Theory]
    [InlineData(MeetingKind.PartyLecture)]
    [InlineData(MeetingKind.ThemeDay)]
    [InlineData(MeetingKind.OrganisationalLifeMeeting)]
    [InlineData(MeetingKind.StudyDiscussion)]
    public void Other_meetings_are_held_at_every_level(MeetingKind kind)
    {
        foreach (var level in RecordKindEntry.AllLevels)
        {
            Held(level, Meeting(kind: kind));
        }
    }

    [Fact]
    public void The_quarterly_review_is_the_party_groups_alone()
    {
        Held(NodeKind.Organisation, Review());
        var refused = Refused(NodeKind.Branch, Review());
        Assert.Contains("只有党组（机关党委）的台账记录这类记录", refused.Message);
    }

    [Fact]
    public void A_small_group_keeps_no_duty_list_findings_or_honours_but_holds_talks()
    {
        Refused(NodeKind.SmallGroup, new DutyItemDetails
        {
            Date = new DateOnly(2026, 3, 1), DutyId = "d1", Duty = "落实三会一课", Actor = ActorClass.Body, Owner = "张三", Due = new DateOnly(2026, 9, 30),
        });
        Refused(NodeKind.SmallGroup, new FindingDetails
        {
            Date = new DateOnly(2026, 2, 1), FindingId = "f1", Source = "巡察", Finding = "记录不全", Measures = ["补齐记录"], ResponsiblePerson = "李四",
            Type = RemediationType.FixNow, Deadline = new DateOnly(2026, 8, 1),
        });
        Refused(NodeKind.SmallGroup, new HonourDetails
        {
            Date = new DateOnly(2026, 3, 1), Title = "先进基层党组织", Recipient = "第一党支部", RecipientKind = RecipientKind.Unit, Level = RecognitionLevel.City,
        });
        Held(NodeKind.SmallGroup, new TalkDetails { Date = new DateOnly(2026, 6, 1), Kind = TalkKind.HeartToHeart, Topic = "谈心", PersonA = "张三", PersonB = "李四" });
    }

    [Fact]
    public void An_amendment_cannot_turn_a_branchs_meeting_into_a_party_group_meeting()
    {
        var ledger = NewLedger(At(NodeKind.Branch));
        var held = Write(ledger, Command("m", Meeting(kind: MeetingKind.ThemeDay)));
        var amend = new CorrectionDetails
        {
            Date = new DateOnly(2026, 6, 2), TargetSequence = held.Sequence, Reason = "录入错误", Replacement = Meeting(kind: MeetingKind.PartyGroupMeeting),
        };

        var refused = Assert.Throws<PreconditionFailedException>(() => ledger.Decide(Command("a", amend), Today, Now));

        Assert.Equal("RECORD_KIND_NOT_AT_NODE_LEVEL", refused.Type);
        Write(ledger, Command("v", new CorrectionDetails { Date = new DateOnly(2026, 6, 2), TargetSequence = held.Sequence, Reason = "重复录入" }));
        Assert.Equal(2, ledger.LastSequence);
    }

    [Fact]
    public void Every_built_in_kind_names_its_levels_and_no_choice_allows_more_than_its_kind()
    {
        Assert.Equal(RecordKindEntry.OrganisationOnly, RecordCatalogue.Find("quarterly-review")!.NodeLevels);
        Assert.Equal(RecordKindEntry.AllLevels, RecordCatalogue.Find("talk")!.NodeLevels);
        Assert.Equal(RecordKindEntry.BranchAndAbove, RecordCatalogue.Find("finding-close")!.NodeLevels);
        foreach (var kind in RecordCatalogue.Kinds)
        {
            Assert.NotEmpty(kind.NodeLevels);
            Assert.All(kind.Fields.SelectMany(f => f.Choices), c => Assert.NotEmpty(c.NodeLevels.Intersect(kind.NodeLevels)));
        }

        // A step is held where its item is.
        Assert.Equal(RecordCatalogue.Find("duty-item")!.NodeLevels, RecordCatalogue.Find("duty-status")!.NodeLevels);
        Assert.Equal(RecordCatalogue.Find("finding")!.NodeLevels, RecordCatalogue.Find("finding-reopen")!.NodeLevels);
        var meeting = RecordCatalogue.Find("meeting")!;
        Assert.Equal(RecordKindEntry.OrganisationOnly, meeting.Choice(RecordCatalogue.ProtoName(MeetingKind.TheoryStudyGroup))!.NodeLevels);
        Assert.Equal(RecordKindEntry.AllLevels, meeting.Choice(RecordCatalogue.ProtoName(MeetingKind.ThemeDay))!.NodeLevels);
    }
}
