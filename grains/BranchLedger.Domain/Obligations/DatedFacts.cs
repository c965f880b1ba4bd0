namespace BranchLedger.Domain.Obligations;

/// <summary>
/// A unit's meetings, lectures, reviews and talks kept in (date, sequence) order, so compliance reads a
/// period's facts by binary search. Built once and then added to as records arrive: scoring a ledger
/// after each write costs the periods it judges, not a sort of the whole ledger per period.
/// </summary>
public sealed class DatedFacts
{
    private readonly List<ActivityFact> _activities;
    private readonly List<TalkPairFact> _talks;

    private DatedFacts(List<ActivityFact> activities, List<TalkPairFact> talks)
    {
        _activities = activities;
        _talks = talks;
    }

    /// <summary>Activities sorted by (date, sequence); facts of one record keep their input order.</summary>
    public IReadOnlyList<ActivityFact> Activities => _activities;

    /// <summary>Talks sorted by (date, sequence).</summary>
    public IReadOnlyList<TalkPairFact> Talks => _talks;

    /// <summary>The facts in any order (OrderBy is stable, as each period's own sort once was).</summary>
    public static DatedFacts Of(IEnumerable<ActivityFact> activities, IEnumerable<TalkPairFact> talks) => new(
        [.. activities.OrderBy(a => a.Date).ThenBy(a => a.Sequence)],
        [.. talks.OrderBy(t => t.Date).ThenBy(t => t.Sequence)]);

    /// <summary>Adds a fact after every fact of an earlier or equal (date, sequence): what <see cref="Of"/> would give.</summary>
    public void Add(ActivityFact activity) => _activities.Insert(After(_activities, activity.Date, activity.Sequence, a => (a.Date, a.Sequence)), activity);

    /// <summary>Adds a talk where <see cref="Of"/> would have put it.</summary>
    public void Add(TalkPairFact talk) => _talks.Insert(After(_talks, talk.Date, talk.Sequence, t => (t.Date, t.Sequence)), talk);

    // The first index whose key is greater than (date, sequence): appending to a ledger usually dates
    // records near its end, so the insertion moves few elements.
    private static int After<T>(List<T> sorted, DateOnly date, long sequence, Func<T, (DateOnly Date, long Sequence)> key)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            var at = key(sorted[mid]);
            if (at.Date < date || (at.Date == date && at.Sequence <= sequence))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
