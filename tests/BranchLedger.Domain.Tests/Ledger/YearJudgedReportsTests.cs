using System.Text.Json;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using BranchLedger.Ledger;

namespace BranchLedger.Domain.Tests.LedgerAggregates;

// A rebuild judges each year once and draws its months' and quarters' reports from it
// (ComplianceReport.Narrowed). For random ledgers — talks between named and unnamed rosters
// included, so periods without names are dropped — every drawn report must be the very report
// judging the period alone gives, on days before, inside and after the year.
public sealed class YearJudgedReportsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);
    private static readonly string[] Names = ["甲", "乙", "丙", "丁", "戊"];
    private static readonly DateOnly[] Days = [new(2025, 8, 3), new(2026, 6, 15), new(2026, 12, 31), new(2027, 2, 1)];

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Reports_drawn_from_the_judged_year_equal_each_period_judged_alone(int seed)
    {
        var random = new Random(seed);
        var node = Node();
        var ledger = LedgerAggregateTests.NewLedger(node);
        for (var i = 0; i < 200; i++)
        {
            var records = random.Next(3) == 0 ? Talk(ledger, random, i) : LedgerIncrementalTests.One(ledger, random, i);
            if (records.Count > 0)
            {
                ledger.Apply(records);
            }
        }

        var inputs = ScoreInputs.Of(node, ledger.ScoringFor(ledger.Book), []);
        var dated = DatedFacts.Of(inputs.Activities, inputs.Talks);
        var rules = ComplianceFacts.Rules(node);
        var compared = 0;
        foreach (var today in Days)
        {
            foreach (var year in new[] { 2025, 2026 })
            {
                var judged = ComplianceFacts.YearJudged(node, dated, year, today, rules);
                foreach (var period in Period.YearAndParts(year))
                {
                    var alone = ComplianceFacts.Report(node, dated, period, today, rules);
                    Assert.Equal(JsonSerializer.Serialize(alone), JsonSerializer.Serialize(ComplianceFacts.Narrowed(node, judged, period, rules)));
                    compared++;
                }
            }
        }

        Assert.Equal(Days.Length * 2 * 17, compared);
        Assert.True(inputs.Talks.Count > 10, $"only {inputs.Talks.Count} talks");
    }

    [Fact]
    public void A_period_of_another_year_or_a_report_of_less_than_a_year_is_refused()
    {
        var report = new ComplianceReport(Period.Year(2026), new DateOnly(2026, 6, 1), []);
        var quarter = Period.Containing(new DateOnly(2026, 5, 1), PeriodKind.Quarter);

        Assert.Throws<ArgumentException>(() => report.Narrowed(Period.Containing(new DateOnly(2025, 5, 1), PeriodKind.Month)));
        Assert.Throws<ArgumentException>(() => (report with { Period = quarter }).Narrowed(Period.Containing(new DateOnly(2026, 5, 1), PeriodKind.Month)));
        Assert.Equal(quarter, report.Narrowed(quarter).Period);
    }

    private static List<LedgerRecord> Talk(BranchLedger.Ledger.Ledger ledger, Random random, int i)
    {
        var body = new TalkDetails
        {
            Date = new DateOnly(2025, 1, 1).AddDays(random.Next(600)), Kind = TalkKind.HeartToHeart, Topic = "谈心谈话", People = 2,
            PersonA = Names[random.Next(Names.Length)], PersonB = Names[random.Next(Names.Length)],
        };
        try
        {
            var decision = ledger.Decide(LedgerAggregateTests.Command($"t{i}", body), new DateOnly(2026, 6, 15), Now.AddSeconds(i));
            return decision.Replayed ? [] : [decision.Record];
        }
        catch (Exception e) when (e is PreconditionFailedException or NotFoundException or InvalidCommandException or RequestIdConflictException)
        {
            return [];
        }
    }

    // Unnamed until March 2025, named since: talk periods before the names are left out.
    private static LedgerNode Node() => ScoreInputsTests.Node();
}
