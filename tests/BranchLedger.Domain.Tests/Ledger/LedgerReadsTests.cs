using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Periods;
using BranchLedger.Ledger;
using static BranchLedger.Domain.Tests.LedgerAggregates.LedgerAggregateTests;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Domain.Tests.LedgerAggregates;

// What compliance, reports and merged reads see of the aggregate.
public sealed class LedgerReadsTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Fact]
    public void A_book_with_a_sealed_years_records_counts_a_record_held_in_both_once_as_live()
    {
        var ledger = NewLedger(lastSequence: 2);
        var live = Write(ledger, Command("m", Meeting()));
        var archived = new LedgerRecord { Sequence = 1, RequestId = "old", RecordedBy = "secretary", RecordedAt = DateTimeOffset.UnixEpoch, Body = Meeting(new DateOnly(2025, 3, 1)) };
        var stale = live with { Body = Meeting(topic: "旧副本") };

        var merged = ledger.BookWith([archived, stale]);

        Assert.Equal([1L, 3L], merged.Records.Select(r => r.Sequence));
        Assert.Same(live, merged.BySequence(3));
        Assert.Same(ledger.Book, ledger.BookWith(null));
    }

    [Fact]
    public void Compliance_counts_the_meetings_of_the_current_view_and_a_voided_one_no_longer()
    {
        var ledger = NewLedger();
        var kept = Write(ledger, Command("m1", Meeting(new DateOnly(2026, 4, 10))));
        var voided = Write(ledger, Command("m2", Meeting(new DateOnly(2026, 5, 10), topic: "第二次")));
        Write(ledger, Command("v", new CorrectionDetails { Date = new DateOnly(2026, 5, 11), TargetSequence = voided.Sequence, Reason = "重复" }));

        var view = ledger.Compliance(ledger.Book, LedgerAggregate.PeriodOf("2026-Q2"), Today);

        var counted = view.Rows.SelectMany(r => r.Sequences).ToHashSet();
        Assert.Equal("2026-Q2", view.Period);
        Assert.Contains(kept.Sequence, counted);
        Assert.DoesNotContain(voided.Sequence, counted);
    }

    [Fact]
    public void A_period_the_api_cannot_name_is_an_invalid_argument()
    {
        Assert.Equal(Period.Quarter(2026, 1), LedgerAggregate.PeriodOf("2026-Q1"));
        Assert.Equal(FieldPaths.Period, Assert.Single(Assert.Throws<InvalidCommandException>(() => LedgerAggregate.PeriodOf("2026-Q5")).Errors).Field);
    }

    [Fact]
    public void Report_facts_hold_the_years_records_with_labels_and_brands_begun_in_sealed_years()
    {
        var ledger = NewLedger();
        var meeting = Write(ledger, Command("m", Meeting(new DateOnly(2026, 3, 5))));
        var brand = new LedgerRecord
        {
            Sequence = 100, RequestId = "brand", RecordedBy = "secretary", RecordedAt = DateTimeOffset.UnixEpoch,
            Body = new BrandProjectDetails { Date = new DateOnly(2024, 9, 1), Name = "红色驿站", Level = RecognitionLevel.Provincial, Status = BrandStatus.Building },
        };
        var sealedYear = RecordBook.Union([brand]);

        var facts = ledger.ReportFacts(ledger.Book, [sealedYear], 2026, Today);

        var fact = Assert.Single(facts.Facts.Meetings);
        Assert.Equal((meeting.Sequence, MeetingKind.BranchGeneralMeeting), (fact.Sequence, fact.Kind));
        Assert.Equal(100, Assert.Single(facts.Facts.Brands).Sequence);
        Assert.Contains(facts.Labels, l => l.Sequence == meeting.Sequence && l.Summary == "学习党章");
    }
}
