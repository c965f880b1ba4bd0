namespace BranchLedger.Domain.Obligations;

/// <summary>
/// Who must talk with whom, from a day on: the pairs due are every two committee members, and every
/// committee member with every other member. The list in force at the end of a period decides which
/// pairs that period needs (people who left earlier are not owed a talk; people who joined still are,
/// by the end of the period). Person keys are trimmed and compared exactly.
/// </summary>
/// <param name="EffectiveFrom">First day this list holds.</param>
/// <param name="CommitteeMembers">The committee members' keys.</param>
/// <param name="Members">The members' keys; committee members may be listed here too.</param>
public sealed record TalkRosterFact(DateOnly EffectiveFrom, IReadOnlyList<string> CommitteeMembers, IReadOnlyList<string> Members)
{
    /// <summary>The pairs this list requires, in a stable order.</summary>
    public IReadOnlyList<TalkPair> RequiredPairs()
    {
        var committee = CommitteeMembers.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
        var committeeSet = committee.ToHashSet(StringComparer.Ordinal);
        var others = Members.Select(p => p.Trim()).Where(p => p.Length > 0 && !committeeSet.Contains(p)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();

        var pairs = new List<TalkPair>();
        for (var i = 0; i < committee.Count; i++)
        {
            for (var j = i + 1; j < committee.Count; j++)
            {
                pairs.Add(TalkPair.Of(committee[i], committee[j]));
            }

            pairs.AddRange(others.Select(member => TalkPair.Of(committee[i], member)));
        }

        return pairs;
    }
}
