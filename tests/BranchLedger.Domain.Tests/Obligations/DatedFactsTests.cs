using BranchLedger.Domain.Obligations;

namespace BranchLedger.Domain.Tests.Obligations;

// Facts added one by one land where sorting them all at once puts them, so compliance over a kept
// DatedFacts equals compliance over the same facts sorted afresh.
public sealed class DatedFactsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Facts_added_one_by_one_sort_as_all_at_once(int seed)
    {
        var random = new Random(seed);
        var activities = new List<ActivityFact>();
        var talks = new List<TalkPairFact>();
        var kept = DatedFacts.Of([], []);
        for (var sequence = 1L; sequence <= 400; sequence++)
        {
            // Dates out of sequence order, several facts on a day and two facts of one record (a
            // secretary's lecture is also a lecture), as a ledger has them.
            var date = new DateOnly(2026, 1, 1).AddDays(random.Next(90));
            var facts = random.Next(4) == 0
                ? new[] { Activity(sequence, ObligationSubject.MeetingOf(Ledger.MeetingKind.PartyLecture), date), Activity(sequence, ObligationSubject.SecretaryLecture, date) }
                : [Activity(sequence, ObligationSubject.MeetingOf(Ledger.MeetingKind.PartyGroupMeeting), date)];
            foreach (var fact in facts)
            {
                activities.Add(fact);
                kept.Add(fact);
            }

            var talk = new TalkPairFact(sequence, date, $"p{random.Next(5)}", $"q{random.Next(5)}");
            talks.Add(talk);
            kept.Add(talk);
        }

        var all = DatedFacts.Of(activities, talks);
        Assert.Equal(all.Activities, kept.Activities);
        Assert.Equal(all.Talks, kept.Talks);
    }

    private static ActivityFact Activity(long sequence, ObligationSubject subject, DateOnly date) => new(sequence, subject, date, 5, 5);
}
