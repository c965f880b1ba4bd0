using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Scoring;
using BranchLedger.Domain.Warnings;
using static BranchLedger.Domain.Tests.LedgerAggregates.LedgerAggregateTests;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Domain.Tests.LedgerAggregates;

// Apply is incremental (new records indexed, new workflow steps folded in, the scoring basis added to); a
// fresh ledger over the same records rebuilds everything. Random writes — records, corrections of any of them, reviews, duty and
// finding steps, batches — must leave both reading the same after every write.
public sealed class LedgerIncrementalTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);
    private static readonly string[] People = ["secretary", "member", "inspector", "office"];
    private static readonly Rubric Rubric = DefaultRubric.Load();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void After_every_write_the_incremental_ledger_reads_as_one_rebuilt_from_its_records(int seed)
    {
        var random = new Random(seed);
        var ledger = NewLedger();
        var applied = 0;
        var corrections = 0;
        for (var i = 0; i < 300; i++)
        {
            var records = random.Next(12) == 0 ? Batch(ledger, random, i) : One(ledger, random, i);
            if (records.Count == 0)
            {
                continue;
            }

            ledger.Apply(records);
            applied += records.Count;
            corrections += records.Count(r => r.Body is CorrectionDetails);
            var rebuilt = new LedgerAggregate("b1", ledger.Records, ledger.LastSequence, null, ledger.Node);
            Assert.Equal(Describe(rebuilt), Describe(ledger));
        }

        // The sequence exercised what it is meant to (a seed that refused almost everything proves little).
        Assert.True(applied > 150, $"only {applied} records applied");
        Assert.True(corrections > 10, $"only {corrections} corrections applied");
    }

    [Fact]
    public void A_correction_of_a_workflow_step_moves_the_workflows_as_a_rebuild_does()
    {
        var ledger = NewLedger();
        Write(ledger, Command("d", DutyItem("d1")));
        var done = Write(ledger, Command("s", DutyStep("d1", DutyStatus.Done)));
        Assert.Equal(DutyStatus.Done, Assert.Single(ledger.Workflows.Duties).Status);

        Write(ledger, Command("a", new CorrectionDetails { Date = Today, TargetSequence = done.Sequence, Reason = "录入错误", Replacement = DutyStep("d1", DutyStatus.InProgress) }));
        Assert.Equal(DutyStatus.InProgress, Assert.Single(ledger.Workflows.Duties).Status);

        Write(ledger, Command("v", new CorrectionDetails { Date = Today, TargetSequence = done.Sequence, Reason = "重复录入" }));
        Assert.Equal(DutyStatus.Planned, Assert.Single(ledger.Workflows.Duties).Status);
        Assert.Equal(Describe(new LedgerAggregate("b1", ledger.Records, ledger.LastSequence, null, ledger.Node)), Describe(ledger));
    }

    [Fact]
    public void A_batchs_scratch_workflows_leave_the_ledgers_own_as_they_were()
    {
        var ledger = NewLedger();
        Write(ledger, Command("f", Finding("f1"), by: "secretary"));
        var before = Describe(ledger);

        var batch = ledger.DecideBatch([Command("p", new FindingProgressDetails { Date = Today, FindingId = "f1", Progress = "已整改" }, by: "member")], Today, Now);

        Assert.Equal(ImportOutcome.Accepted, Assert.Single(batch.Results).Outcome);
        Assert.Equal(before, Describe(ledger));
        Assert.Equal(["secretary"], ledger.Workflows.InvolvedIn("f1"));
    }

    internal static List<LedgerRecord> One(LedgerAggregate ledger, Random random, int i)
    {
        var by = People[random.Next(People.Length)];
        try
        {
            var decision = ledger.Decide(Command($"r{i}", Body(ledger, random), by), Today, Now.AddSeconds(i));
            return decision.Replayed ? [] : [decision.Record];
        }
        catch (Exception e) when (e is PreconditionFailedException or NotFoundException or InvalidCommandException or RequestIdConflictException)
        {
            return [];
        }
    }

    internal static List<LedgerRecord> Batch(LedgerAggregate ledger, Random random, int i)
    {
        var commands = Enumerable.Range(0, random.Next(1, 6))
            .Select(j => Command($"b{i}-{j}", Body(ledger, random, corrections: false), People[random.Next(People.Length)]))
            .ToList();
        return [.. ledger.DecideBatch(commands, Today, Now.AddSeconds(i)).Records];
    }

    private static RecordBody Body(LedgerAggregate ledger, Random random, bool corrections = true)
    {
        var day = new DateOnly(2026, 1, 1).AddDays(random.Next(160));
        var duty = $"d{random.Next(6)}";
        var finding = $"f{random.Next(6)}";
        var roll = random.Next(corrections ? 14 : 10);
        return roll switch
        {
            0 or 1 => Meeting(day, attendees: random.Next(1, 10), topic: $"议题{random.Next(5)}"),
            2 => DutyItem(duty),
            3 => DutyStep(duty, (DutyStatus)random.Next(1, 5)),
            4 => Finding(finding),
            5 => new FindingProgressDetails { Date = day, FindingId = finding, Progress = $"进展{random.Next(3)}" },
            6 => new FindingClosureDetails { Date = day, FindingId = finding, Verifier = "纪委" },
            7 => new FindingReopeningDetails { Date = day, FindingId = finding, Reason = "回头看" },
            8 or 9 => Meeting(day, kind: MeetingKind.PartyLecture),
            _ when ledger.LastSequence == 0 => Meeting(day),
            10 or 11 => Amendment(ledger, random, day),
            12 => new CorrectionDetails { Date = day, TargetSequence = random.NextInt64(1, ledger.LastSequence + 1), Reason = "重复录入" },
            _ => new ReviewDetails
            {
                Date = day, TargetSequence = random.NextInt64(1, ledger.LastSequence + 1),
                Verdict = random.Next(2) == 0 ? ReviewVerdict.Read : ReviewVerdict.Returned, Reason = "请补充",
            },
        };
    }

    // An amendment of any earlier record, with a replacement of the same kind (workflow steps included,
    // so corrections reach back into the duty and finding workflows).
    private static CorrectionDetails Amendment(LedgerAggregate ledger, Random random, DateOnly day)
    {
        var target = ledger.Book.BySequence(random.NextInt64(1, ledger.LastSequence + 1));
        RecordBody replacement = target is null ? Meeting(day) : ledger.Book.ViewOf(target).Current switch
        {
            MeetingDetails m => m with { Topic = $"更正{random.Next(5)}", Date = day },
            DutyProgressDetails s => AmendedStep(s, (DutyStatus)random.Next(1, 5)),
            DutyItemDetails d => d with { Owner = "王五" },
            FindingProgressDetails p => p with { Progress = "更正的进展" },
            FindingClosureDetails c => c with { Verifier = "巡察组" },
            FindingDetails f => f with { Finding = "更正的问题" },
            var other => other,
        };
        return new CorrectionDetails { Date = day, TargetSequence = target?.Sequence ?? ledger.LastSequence + 7, Reason = "录入错误", Replacement = replacement };
    }

    private static DutyProgressDetails AmendedStep(DutyProgressDetails step, DutyStatus status) =>
        step with { Status = status, Verifier = status == DutyStatus.Verified ? "监督员" : "" };

    private static DutyItemDetails DutyItem(string id) => new()
    {
        Date = new DateOnly(2026, 3, 1), DutyId = id, Duty = "落实三会一课", Actor = ActorClass.Body, Owner = "张三", Due = new DateOnly(2026, 9, 30),
    };

    private static DutyProgressDetails DutyStep(string id, DutyStatus status) =>
        new() { Date = new DateOnly(2026, 4, 1), DutyId = id, Status = status, Verifier = status == DutyStatus.Verified ? "监督员" : "" };

    private static FindingDetails Finding(string id) => new()
    {
        Date = new DateOnly(2026, 2, 1), FindingId = id, Source = "巡察", Finding = "记录不全", Measures = ["补齐记录"], ResponsiblePerson = "李四",
        Type = RemediationType.FixNow, Deadline = new DateOnly(2026, 8, 1),
    };

    // Everything the ledger answers, with records and bodies named by identity (both ledgers share them).
    private static string Describe(LedgerAggregate ledger)
    {
        static int Id(object? o) => o is null ? 0 : RuntimeHelpers.GetHashCode(o);
        var book = ledger.Book;
        var s = new StringBuilder();
        s.AppendLine($"last {ledger.LastSequence}");
        foreach (var record in ledger.Records)
        {
            var view = book.ViewOf(record);
            s.Append($"{record.Sequence} {view.Status} {Id(view.Current)} y{book.YearOf(view)} rq{book.ByRequestId(record.RequestId)?.Sequence} review {book.ReviewOf(record.Sequence)}");
            var history = book.History(record.Sequence)!;
            s.Append($" history {Id(history.Record.Current)} {history.Record.Status} [{string.Join(",", history.Corrections.Select(c => c.Sequence))}] {history.Review}");
            s.AppendLine($" entries [{string.Join(";", book.EntriesFor(record.Sequence).OrderBy(e => e.Key).Select(e => e.Value))}]");
        }

        s.AppendLine($"current [{string.Join(",", book.Current().Select(v => $"{v.Record.Sequence}:{v.Status}:{Id(v.Current)}"))}]");
        foreach (var history in new[] { false, true })
        {
            var page = book.List(new RecordQuery { PageSize = 500, IncludeHistory = history }, 500);
            s.AppendLine($"list {history} [{string.Join(",", page.Records.Select(v => $"{v.Record.Sequence}:{v.Status}:{Id(v.Current)}"))}]");
        }

        foreach (var filter in Enum.GetValues<ReviewQueueFilter>())
        {
            var queue = book.ReviewQueue(new ReviewQueueQuery { Filter = filter, PageSize = 500 }, 500);
            s.AppendLine($"queue {filter} [{string.Join(",", queue.Records.Select(r => $"{r.Record.Record.Sequence}:{r.Record.Status}:{r.Review}"))}]");
        }

        var workflows = ledger.Workflows;
        foreach (var duty in workflows.Duties)
        {
            s.AppendLine($"duty {duty.Sequence} {Id(duty.Item)} {duty.Status} {duty.StatusDate} {duty.Verifier}");
        }

        foreach (var finding in workflows.Findings)
        {
            s.AppendLine($"finding {finding.Sequence} {Id(finding.Finding)} {finding.Closed} [{string.Join("|", finding.Progress)}] {finding.Verifier} {finding.ClosedOn} {finding.Reopened}");
            s.AppendLine($"  involved [{string.Join(",", workflows.InvolvedIn(finding.Finding.FindingId).Order(StringComparer.Ordinal))}]");
        }

        s.AppendLine($"duty statuses [{string.Join(",", workflows.DutyStatuses.OrderBy(d => d.Key, StringComparer.Ordinal))}]");
        s.AppendLine($"findings closed [{string.Join(",", workflows.FindingsClosed.OrderBy(f => f.Key, StringComparer.Ordinal))}]");

        // Scores from the basis the ledger keeps between writes (a rebuilt ledger draws a fresh one).
        var basis = ledger.ScoringFor(book);
        foreach (var period in new[] { "2026", "2026-Q1", "2026-Q2" }.Concat(Enumerable.Range(1, 6).Select(m => $"2026-{m:D2}")))
        {
            var sheet = ledger.Score(ledger.Node!, Rubric, LedgerAggregate.PeriodOf(period), basis, Today);
            s.AppendLine($"score {period} {JsonSerializer.Serialize(sheet)}");
        }

        return s.ToString();
    }
}
