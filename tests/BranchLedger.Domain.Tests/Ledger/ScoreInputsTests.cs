using System.Text.Json;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Scoring;
using BranchLedger.Ledger;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Domain.Tests.LedgerAggregates;

// A rebuild of the rankings scores from persisted inputs instead of the ledger. For random ledgers —
// meetings, lectures, reviews, talks, duty and finding workflows, brands and honours, corrections —
// the inputs, stored and read back, must give the very sheet the ledger gives, under any rubric and on
// any day, after every write.
public sealed class ScoreInputsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);
    private static readonly string[] Names = ["甲", "乙", "丙", "丁", "戊"];

    private static readonly Rubric Default = DefaultRubric.Load() with { Version = 1 };

    // The same indicators with their weights rotated (still adding up to 100): a republished rubric
    // reads the same inputs.
    private static readonly Rubric Reweighted = Rotated(Default) with { Version = 2 };

    private static readonly DateOnly[] Days = [new(2026, 6, 15), new(2026, 12, 31), new(2027, 2, 1)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Scores_from_stored_inputs_equal_the_ledgers_for_random_ledgers(int seed)
    {
        var random = new Random(seed);
        var ledger = LedgerAggregateTests.NewLedger(Node());
        var talks = 0;
        var outcomes = 0;
        for (var i = 0; i < 240; i++)
        {
            var records = random.Next(5) switch
            {
                0 => Extra(ledger, random, i),
                1 when random.Next(8) == 0 => LedgerIncrementalTests.Batch(ledger, random, i),
                _ => LedgerIncrementalTests.One(ledger, random, i),
            };
            if (records.Count == 0)
            {
                continue;
            }

            ledger.Apply(records);
            talks += records.Count(r => r.Body is TalkDetails);
            outcomes += records.Count(r => r.Body is HonourDetails or BrandProjectDetails);
            if (i % 20 == 0 || i == 239)
            {
                AssertSameScores(ledger);
            }
        }

        Assert.True(talks > 5, $"only {talks} talks");
        Assert.True(outcomes > 5, $"only {outcomes} outcomes");
    }

    [Fact]
    public void A_node_that_came_into_force_late_is_ranked_only_in_the_periods_it_was_in_force_as_the_ledger_pushes()
    {
        var node = Node() with { Rosters = [new RosterFigures { EffectiveFrom = new DateOnly(2026, 5, 10), Members = 8, VotingMembers = 8, CommitteeMembers = 3 }] };
        var ledger = LedgerAggregateTests.NewLedger(node);
        LedgerAggregateTests.Write(ledger, LedgerAggregateTests.Command("m", LedgerAggregateTests.Meeting(new DateOnly(2026, 5, 20))));
        var inputs = ScoreInputs.FromBytes(ScoreInputs.Of(node, ledger.ScoringFor(ledger.Book), []).ToBytes());

        var periods = new[] { 2025, 2026 }.SelectMany(Period.YearAndParts).ToList();
        var ranked = inputs.ScoreRanked(Default, periods, Days[0]).Select(s => s.Period).ToList();

        Assert.DoesNotContain(Period.Year(2025), ranked);
        Assert.DoesNotContain(Period.Containing(new DateOnly(2026, 4, 1), PeriodKind.Month), ranked);
        Assert.Contains(Period.Year(2026), ranked);
        Assert.All(ranked, p => Assert.Equal(
            JsonSerializer.Serialize(ledger.Score(node, Default, p, ledger.ScoringFor(ledger.Book), Days[0])),
            JsonSerializer.Serialize(inputs.Score(Default, p, Days[0]))));
    }

    [Fact]
    public void Periods_of_a_sealed_year_are_not_covered_by_the_live_books_inputs()
    {
        var ledger = LedgerAggregateTests.NewLedger(Node());
        var inputs = ScoreInputs.Of(Node(), ledger.ScoringFor(ledger.Book), [2025]);

        Assert.False(inputs.Covers(Period.Containing(new DateOnly(2025, 3, 1), PeriodKind.Quarter)));
        Assert.True(inputs.Covers(Period.Year(2026)));
        Assert.Equal([2025], ScoreInputs.FromBytes(inputs.ToBytes()).SealedYears);
    }

    private static void AssertSameScores(LedgerAggregate ledger)
    {
        var node = ledger.Node!;
        var inputs = ScoreInputs.FromBytes(ScoreInputs.Of(node, ledger.ScoringFor(ledger.Book), []).ToBytes());

        // Against a ledger rebuilt from its records too: the live basis is incremental.
        var rebuilt = new LedgerAggregate("b1", ledger.Records, ledger.LastSequence, null, node);
        var periods = new[] { 2025, 2026 }.SelectMany(Period.YearAndParts).ToList();
        foreach (var rubric in new[] { Default, Reweighted })
        {
            foreach (var today in Days)
            {
                foreach (var period in periods)
                {
                    var expected = JsonSerializer.Serialize(ledger.Score(node, rubric, period, ledger.ScoringFor(ledger.Book), today));
                    Assert.Equal(expected, JsonSerializer.Serialize(inputs.Score(rubric, period, today)));
                    Assert.Equal(expected, JsonSerializer.Serialize(rebuilt.Score(node, rubric, period, rebuilt.ScoringFor(rebuilt.Book), today)));
                }

                var ranked = inputs.ScoreRanked(rubric, periods, today).Select(s => JsonSerializer.Serialize(s)).ToList();
                var fromLedger = periods
                    .Select(p => ledger.Score(node, rubric, p, ledger.ScoringFor(ledger.Book), today))
                    .Where(s => s.Total is not null)
                    .Select(s => JsonSerializer.Serialize(s))
                    .ToList();
                Assert.Equal(fromLedger, ranked);

                // What a push scores (both rubrics at once, each year judged once) is the same too.
                var pushed = ledger.ScoreRanked(node, [rubric, Default], periods, ledger.ScoringFor(ledger.Book), today)
                    .Where(s => s.Rubric == 0 && s.Sheet.Total is not null)
                    .Select(s => JsonSerializer.Serialize(s.Sheet))
                    .ToList();
                Assert.Equal(fromLedger, pushed);
            }
        }
    }

    // Talks between named people, brands, honours and branch meetings of every kind (some lectured by the secretary), which the shared generator
    // does not write.
    private static List<LedgerRecord> Extra(LedgerAggregate ledger, Random random, int i)
    {
        var day = new DateOnly(2025, 1, 1).AddDays(random.Next(520));
        RecordBody body = random.Next(5) switch
        {
            0 or 1 => new TalkDetails
            {
                Date = day, Kind = TalkKind.HeartToHeart, Topic = "谈心谈话", People = 2,
                PersonA = Names[random.Next(Names.Length)], PersonB = Names[random.Next(Names.Length)],
            },
            2 => new HonourDetails { Date = day, Title = "先进党支部", Recipient = "本支部", RecipientKind = RecipientKind.Unit, Level = (RecognitionLevel)random.Next(1, 4) },
            3 => new BrandProjectDetails { Date = day, Name = $"品牌{random.Next(3)}", Level = (RecognitionLevel)random.Next(1, 4), Status = (BrandStatus)random.Next(1, 4) },
            _ => LedgerAggregateTests.Meeting(day, attendees: random.Next(1, 10), kind: (MeetingKind)random.Next(8, 14)) with { LecturedBySecretary = random.Next(3) == 0 },
        };
        try
        {
            var decision = ledger.Decide(LedgerAggregateTests.Command($"x{i}", body), Days[0], Now.AddSeconds(i));
            return decision.Replayed ? [] : [decision.Record];
        }
        catch (Exception e) when (e is PreconditionFailedException or NotFoundException or InvalidCommandException or RequestIdConflictException)
        {
            return [];
        }
    }

    private static Rubric Rotated(Rubric rubric)
    {
        var weights = rubric.Indicators.Select(i => i.Weight).ToList();
        weights = [.. weights.Skip(1), weights[0]];
        var next = 0;
        return rubric with
        {
            Categories = [.. rubric.Categories.Select(c => c with { Indicators = [.. c.Indicators.Select(i => i with { Weight = weights[next++] })] })],
        };
    }

    /// <summary>A branch unnamed until March 2025 and named since (talk periods before the names are left out).</summary>
    internal static LedgerNode Node() => LedgerAggregateTests.Branch() with
    {
        Rosters =
        [
            new RosterFigures { EffectiveFrom = new DateOnly(2020, 1, 1), Members = 10, VotingMembers = 10, CommitteeMembers = 3 },
            new RosterFigures
            {
                EffectiveFrom = new DateOnly(2025, 3, 1), Members = 5, VotingMembers = 5, CommitteeMembers = 2,
                CommitteeNames = ["甲", "乙"], MemberNames = ["丙", "丁", "戊"],
            },
        ],
    };
}
