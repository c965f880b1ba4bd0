using System.Diagnostics;
using System.Globalization;
using BranchLedger.Contracts.Directory;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Scoring;
using BranchLedger.Ledger;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Bench;

/// <summary>
/// <c>--scoring</c>: the domain work of one write and of the score push after it, in process (no
/// database, no cluster): the CPU the silo spends per write outside I/O. The push scores the periods
/// a write touches (the record's year, quarter and month and today's) with the default rubric.
/// Baseline in the same run: the same scores drawn per period from the current view, as every
/// push did before the ledger kept a <see cref="ScoringBasis"/> between writes.
/// </summary>
internal static class ScoringScenario
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private const int Rounds = 300;

    public static int Run(Action<string> progress)
    {
        var rubric = DefaultRubric.Load();
        var node = new LedgerNode
        {
            NodeId = "b1", Kind = NodeKind.Branch, TimeZone = TenantCalendar.DefaultTimeZoneId,
            Rosters = [new RosterFigures { EffectiveFrom = new DateOnly(2020, 1, 1), Members = 40, VotingMembers = 40, CommitteeMembers = 7 }],
        };

        Console.WriteLine($"### Scoring after a write — {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z, code {MachineFacts.CodeVersion(LocalPostgres.RepoRoot.Path)}");
        Console.WriteLine();
        Console.WriteLine($"{Rounds} writes per size after warm-up; medians in µs; allocations per write in KiB (this thread).");
        Console.WriteLine();
        Console.WriteLine("| live records (first → last write) | write (Decide + Apply) µs | score push, kept basis µs | KiB | score push, per period from the view (before) µs | KiB | before ÷ after |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        // The first pass only warms the JIT up (tiered compilation promotes hot code after a while), so
        // the first printed size is not measured on unoptimised code.
        foreach (var (size, printed) in new[] { (100, false), (100, true), (500, true), (2500, true) })
        {
            progress($"scoring: a ledger of {size} records{(printed ? "" : " (warm-up)")}");
            var ledger = new LedgerAggregate("b1", [], 0, null, node);
            var factory = new RecordFactory(size, withEvidence: false);
            var day = 0;
            AppendCommandFor(ledger, factory, size, ref day);

            var write = new List<double>();
            var kept = new List<double>();
            var before = new List<double>();
            long keptBytes = 0, beforeBytes = 0;
            for (var round = -30; round < Rounds; round++)
            {
                var started = Stopwatch.GetTimestamp();
                var record = AppendCommandFor(ledger, factory, 1, ref day);
                var wrote = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                var periods = PeriodsOf(record.Body.Date);

                var allocated = GC.GetAllocatedBytesForCurrentThread();
                started = Stopwatch.GetTimestamp();
                var basis = ledger.ScoringFor(ledger.Book);
                var after = periods.Sum(p => ledger.Score(node, rubric, p, basis, Today).EarnedPoints);
                var keptUs = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                var keptAlloc = GC.GetAllocatedBytesForCurrentThread() - allocated;

                allocated = GC.GetAllocatedBytesForCurrentThread();
                started = Stopwatch.GetTimestamp();
                var current = ledger.Book.Current().ToList();
                var old = periods.Sum(p => PerPeriod(node, rubric, p, current));
                var beforeUs = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                var beforeAlloc = GC.GetAllocatedBytesForCurrentThread() - allocated;
                if (old != after)
                {
                    throw new InvalidOperationException($"the kept basis scored {after}, the view {old}");
                }

                if (round >= 0)
                {
                    write.Add(wrote);
                    kept.Add(keptUs);
                    before.Add(beforeUs);
                    keptBytes += keptAlloc;
                    beforeBytes += beforeAlloc;
                }
            }

            if (!printed)
            {
                continue;
            }

            var (w, k, b) = (Summary.Of(write).Median, Summary.Of(kept).Median, Summary.Of(before).Median);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} → {ledger.Records.Count:N0} | {w:0} | {k:0} | {keptBytes / 1024.0 / Rounds:0.0} | {b:0} | {beforeBytes / 1024.0 / Rounds:0.0} | {b / k:0.0}× |"));
        }

        return 0;
    }

    // Records dated across this year and last, one day after another, as a branch writes them.
    private static Contracts.Ledger.LedgerRecord AppendCommandFor(LedgerAggregate ledger, RecordFactory factory, int count, ref int day)
    {
        Contracts.Ledger.LedgerRecord? last = null;
        for (var i = 0; i < count; i++)
        {
            var date = new DateOnly(Today.Year - 1, 1, 1).AddDays(day++ % 700);
            try
            {
                var decision = ledger.Decide(factory.Next($"r{ledger.LastSequence + 1}", date, (int)ledger.LastSequence), Today, DateTimeOffset.UtcNow);
                ledger.Apply([decision.Record]);
                last = decision.Record;
            }
            catch (Contracts.Errors.InvalidCommandException)
            {
                // The factory's committee meetings can outnumber the committee: draw another record.
                i--;
            }
        }

        return last!;
    }

    private static List<Period> PeriodsOf(DateOnly date) =>
        [.. new[] { date, Today }.SelectMany(d => new[] { Period.Year(d.Year), Period.Containing(d, PeriodKind.Quarter), Period.Containing(d, PeriodKind.Month) }).Distinct()];

    private static decimal PerPeriod(LedgerNode node, Rubric rubric, Period period, List<Contracts.Ledger.RecordView> current)
    {
        var report = ComplianceFacts.Report(node, current, period, Today);
        var (duties, findings, outcomes) = ScoringInputs.WorkflowFacts(current);
        return Scorer.Score(rubric, new ScoringFacts(ObligationScope.Branch, report, duties, findings, outcomes)).EarnedPoints;
    }
}
