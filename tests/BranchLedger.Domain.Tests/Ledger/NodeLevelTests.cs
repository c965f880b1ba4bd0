using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Ledger;
using static BranchLedger.Domain.Tests.LedgerAggregates.LedgerAggregateTests;
using static BranchLedger.Domain.Tests.LedgerAggregates.LevelCases;

namespace BranchLedger.Domain.Tests.LedgerAggregates;

// The node levels a catalogue entry declares are the aggregate's rule: a kind outside them is refused at write.
public sealed class NodeLevelTests
{
    private static DocumentIssuedDetails Plan() => new() { Date = new DateOnly(2026, 6, 1), Kind = DocumentKind.Plan, Title = "2026年党建工作计划" };

    [Theory]
    [InlineData(NodeKind.Organisation)]
    [InlineData(NodeKind.GeneralBranch)]
    [InlineData(NodeKind.Branch)]
    public void A_document_is_recorded_by_a_branch_and_above(NodeKind level)
    {
        var ledger = NewLedger(At(level));

        Assert.False(ledger.Decide(Command("doc", Plan()), Today, Now).Replayed);
    }

    [Fact]
    public void A_small_group_is_refused_a_kind_its_entry_does_not_name_it_for_in_Chinese()
    {
        var ledger = NewLedger(At(NodeKind.SmallGroup));

        var refused = Assert.Throws<PreconditionFailedException>(() => ledger.Decide(Command("doc", Plan()), Today, Now));

        Assert.Equal("RECORD_KIND_NOT_AT_NODE_LEVEL", refused.Type);
        Assert.Equal(FieldPaths.Body, refused.Subject);
        Assert.Equal("党小组的台账不记录“发文”：只有党组（机关党委）、党总支、党支部的台账记录这类记录。", refused.Message);
        Assert.Equal(0, ledger.LastSequence);
    }

    [Fact]
    public void A_small_group_still_records_what_every_level_may_hold()
    {
        var ledger = NewLedger(At(NodeKind.SmallGroup));

        Write(ledger, Command("m", Meeting(kind: MeetingKind.SmallGroupMeeting)));
        Write(ledger, Command("a", new ActivityDetails { Date = new DateOnly(2026, 6, 2), Kind = ActivityKind.OathRenewal, Topic = "重温入党誓词" }));

        Assert.Equal(2, ledger.LastSequence);
    }

    [Fact]
    public void An_import_rejects_the_row_at_the_wrong_level_and_keeps_the_others()
    {
        var ledger = NewLedger(At(NodeKind.SmallGroup));

        var batch = ledger.DecideBatch([Command("doc", Plan()), Command("m", Meeting(kind: MeetingKind.SmallGroupMeeting))], Today, Now);

        Assert.Equal(ImportOutcome.Rejected, batch.Results[0].Outcome);
        Assert.Equal(FieldPaths.Body, Assert.Single(batch.Results[0].Errors).Field);
        Assert.Equal(ImportOutcome.Accepted, batch.Results[1].Outcome);
        Assert.Single(batch.Records);
    }

    [Fact]
    public void Every_entry_names_a_level_and_every_refusal_names_the_allowed_ones()
    {
        foreach (var entry in RecordCatalogue.Entries)
        {
            Assert.NotEmpty(entry.NodeLevels);
            foreach (var level in RecordKindEntry.AllLevels.Except(entry.NodeLevels))
            {
                var refusal = KindLevels.Refusal(entry.BodyField, level);
                Assert.NotNull(refusal);
                Assert.Contains(entry.Label, refusal);
                Assert.All(entry.NodeLevels, allowed => Assert.Contains(KindLevels.Label(allowed), refusal));
            }

            Assert.All(entry.NodeLevels, allowed => Assert.Null(KindLevels.Refusal(entry.BodyField, allowed)));
        }

        // Corrections and reviews follow their target and are never judged by level.
        Assert.Null(KindLevels.Refusal("correction", NodeKind.SmallGroup));
    }
}
