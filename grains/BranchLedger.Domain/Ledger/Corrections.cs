namespace BranchLedger.Domain.Ledger;

/// <summary>
/// Records are never changed: a correction is a later entry that voids or amends an earlier one.
/// These rules decide what a correction may target and what the ledger currently says.
/// </summary>
public static class Corrections
{
    /// <summary>An entry of a ledger as the correction rules see it.</summary>
    /// <param name="Sequence">Its position.</param>
    /// <param name="Target">For a correction, the sequence it corrects; otherwise null.</param>
    /// <param name="Voids">For a correction, whether it voids (rather than amends) the target.</param>
    /// <param name="Family">What family of record it is (meeting, talk, …); amendments keep the family.</param>
    public sealed record Entry(long Sequence, long? Target, bool Voids, string Family);

    /// <summary>Why a correction cannot be applied, or null when it can.</summary>
    public static string? Refusal(IReadOnlyDictionary<long, Entry> entries, long target, bool voids, string replacementFamily)
    {
        if (!entries.TryGetValue(target, out var original))
        {
            return "no record with that id";
        }

        if (original.Target is not null)
        {
            return "a correction cannot itself be corrected; correct the original record";
        }

        if (StateOf(entries.Values, target).Voided)
        {
            return "the record is already void";
        }

        return !voids && replacementFamily != original.Family
            ? $"an amendment must keep the record's kind ({original.Family})"
            : null;
    }

    /// <summary>What a record currently is: void or not, and which entry (itself or its latest amendment) says it.</summary>
    public readonly record struct State(bool Voided, long Current);

    /// <summary>The state of one record (one pass over the entries).</summary>
    public static State StateOf(IEnumerable<Entry> entries, long sequence) =>
        Project(entries.Where(e => e.Sequence == sequence || e.Target == sequence)).GetValueOrDefault(sequence);

    /// <summary>The state of every original record, in one pass over the entries in ledger order.</summary>
    public static Dictionary<long, State> Project(IEnumerable<Entry> entries)
    {
        var states = new Dictionary<long, State>();
        foreach (var entry in entries.OrderBy(e => e.Sequence))
        {
            if (entry.Target is not { } target)
            {
                states[entry.Sequence] = new State(false, entry.Sequence);
            }
            else if (states.TryGetValue(target, out var state) && !state.Voided)
            {
                states[target] = entry.Voids ? state with { Voided = true } : state with { Current = entry.Sequence };
            }
        }

        return states;
    }
}
