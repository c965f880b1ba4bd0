using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using static BranchLedger.Domain.Tests.ObligationTestFacts;

namespace BranchLedger.Domain.Tests;

public class TalkPairTests
{
    private static readonly ObligationRule Rule = DefaultObligations.HeartToHeartTalks;
    private static readonly Period Year = Period.Year(2026);
    private static readonly DateOnly AfterYear = D(2027, 1, 5);

    // Committee 王 (secretary) and 李; members 张 and 赵 (李 listed as member too).
    private static readonly TalkRosterFact[] People = [new(D(2025, 1, 1), ["王", "李"], ["王", "李", "张", "赵"])];

    private static ObligationRow YearRow(IEnumerable<TalkPairFact> talks, IEnumerable<TalkRosterFact>? people = null, DateOnly? today = null) =>
        Row(Compliance.Evaluate([Rule], [], [], talks, people ?? People, Year, today ?? AfterYear), "2026");

    [Fact]
    public void Pairs_due_are_committee_with_committee_and_committee_with_each_member()
    {
        Assert.Equal(
            ["李–王", "张–李", "李–赵", "张–王", "王–赵"],
            People[0].RequiredPairs().Select(p => p.ToString()));
    }

    [Fact]
    public void Covering_every_pair_meets_the_obligation_in_either_order()
    {
        var talks = new[]
        {
            Talk(D(2026, 1, 5), "王", "李"),
            Talk(D(2026, 2, 5), "张", "王"), // order does not matter
            Talk(D(2026, 3, 5), "王", "赵"),
            Talk(D(2026, 4, 5), "李", "张"),
            Talk(D(2026, 12, 31), " 赵 ", "李"), // keys are trimmed
        };
        var row = YearRow(talks);
        Assert.Equal(ObligationStatus.Met, row.Status);
        Assert.Equal((5, 5, 5), (row.Required, row.Counted, row.Raw));
        Assert.Empty(row.MissingPairs);
        Assert.Equal(talks.Select(t => t.Sequence), row.Sequences);
    }

    [Fact]
    public void Member_to_member_talks_and_talks_outside_the_year_do_not_cover_anything()
    {
        var row = YearRow(
        [
            Talk(D(2026, 1, 5), "张", "赵"),
            Talk(D(2025, 12, 31), "王", "李"),
            Talk(D(2027, 1, 1), "王", "张"),
            Talk(D(2026, 6, 1), "王", "外单位"),
        ]);
        Assert.Equal(ObligationStatus.Missed, row.Status);
        Assert.Equal(0, row.Raw);
        Assert.Equal(5, row.MissingPairs.Count);
        Assert.Empty(row.Sequences);
    }

    [Fact]
    public void Repeated_talks_of_one_pair_do_not_cover_another()
    {
        var row = YearRow(Enumerable.Range(1, 10).Select(m => Talk(D(2026, m, 1), "王", "李")));
        Assert.Equal((1, 5, 10), (row.Raw, row.Required, row.Sequences.Count));
        Assert.Equal(ObligationStatus.Missed, row.Status);
        Assert.DoesNotContain(TalkPair.Of("王", "李"), row.MissingPairs);
        Assert.Contains(TalkPair.Of("赵", "王"), row.MissingPairs);
    }

    [Fact]
    public void The_list_in_force_at_the_end_of_the_year_decides_which_pairs_are_due()
    {
        TalkRosterFact[] people =
        [
            People[0],
            new(D(2026, 11, 1), ["王", "李"], ["王", "李", "张", "钱"]), // 赵 left, 钱 joined
        ];
        var talks = new[]
        {
            Talk(D(2026, 1, 5), "王", "李"), Talk(D(2026, 1, 6), "王", "张"), Talk(D(2026, 1, 7), "李", "张"),
            Talk(D(2026, 1, 8), "王", "赵"),
        };
        var row = YearRow(talks, people);
        Assert.Equal(ObligationStatus.Missed, row.Status);
        Assert.Equal(new HashSet<TalkPair> { TalkPair.Of("钱", "李"), TalkPair.Of("王", "钱") }, row.MissingPairs.ToHashSet());
        Assert.Equal(3, row.Raw); // the talk with 赵, who left, is not needed any more
    }

    [Fact]
    public void An_uncovered_year_is_due_until_it_closes()
    {
        Assert.Equal(ObligationStatus.Due, YearRow([], today: D(2026, 12, 31)).Status);
        Assert.Equal(ObligationStatus.Missed, YearRow([], today: D(2027, 1, 1)).Status);
    }

    [Fact]
    public void Without_a_list_of_people_the_obligation_cannot_be_met()
    {
        var row = YearRow([Talk(D(2026, 1, 5), "王", "李")], people: []);
        Assert.Equal(ObligationStatus.Missed, row.Status);
        Assert.Equal(0, row.Required);
    }

    [Fact]
    public void A_branch_of_one_owes_no_talks()
    {
        var row = YearRow([], people: [new(D(2025, 1, 1), ["王"], ["王"])]);
        Assert.Equal(ObligationStatus.Met, row.Status);
        Assert.Equal(0, row.Required);
    }

    [Fact]
    public void A_stricter_count_needs_that_many_talks_per_pair()
    {
        var rule = Rule with { MinCount = 2 };
        TalkRosterFact[] people = [new(D(2025, 1, 1), ["王", "李"], [])];
        var once = Compliance.Evaluate([rule], [], [], [Talk(D(2026, 1, 5), "王", "李")], people, Year, AfterYear);
        Assert.Equal(ObligationStatus.Missed, Row(once, "2026").Status);
        var twice = Compliance.Evaluate([rule], [], [], [Talk(D(2026, 1, 5), "王", "李"), Talk(D(2026, 7, 5), "李", "王")], people, Year, AfterYear);
        Assert.Equal(ObligationStatus.Met, Row(twice, "2026").Status);
    }
}
