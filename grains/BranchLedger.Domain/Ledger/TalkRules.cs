using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Ledger;

/// <summary>What makes a talk record acceptable.</summary>
public static class TalkRules
{
    /// <summary>
    /// Heart-to-heart talks name exactly two different people (pairs are what coverage counts);
    /// the others count people (人次), at least one.
    /// </summary>
    public static Violations Check(
        Violations violations, string prefix, TalkKind kind, DateOnly date, string? topic, int people,
        string? personA, string? personB, DateOnly today)
    {
        violations
            .Choice(prefix, RecordFields.Talk.Kind, kind)
            .Date(prefix + RecordFields.Date.Name, date, today)
            .Text(prefix, RecordFields.Talk.Topic, topic)
            .Count(prefix, RecordFields.Talk.People, people);

        if (kind == TalkKind.HeartToHeart)
        {
            violations
                .Text(prefix, RecordFields.Talk.PersonA, personA)
                .Text(prefix, RecordFields.Talk.PersonB, personB);
            if (!string.IsNullOrWhiteSpace(personA) && string.Equals(personA.Trim(), personB?.Trim(), StringComparison.Ordinal))
            {
                violations.Add(prefix + RecordFields.Talk.PersonB.Name, $"must differ from {RecordFields.Talk.PersonA.Name}");
            }
        }
        else if (people < RecordFields.Talk.People.Min)
        {
            violations.Add(prefix + RecordFields.Talk.People.Name, $"must be at least {RecordFields.Talk.People.Min}");
        }

        return violations;
    }
}
