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
            .Kind(prefix + "kind", kind)
            .Date(prefix + "date", date, today)
            .Text(prefix + "topic", topic, RecordRules.MaxTitleLength, required: true)
            .Count(prefix + "people", people, RecordRules.MaxPeople);

        if (kind == TalkKind.HeartToHeart)
        {
            violations
                .Text(prefix + "person_a", personA, RecordRules.MaxNameLength, required: true)
                .Text(prefix + "person_b", personB, RecordRules.MaxNameLength, required: true);
            if (!string.IsNullOrWhiteSpace(personA) && string.Equals(personA.Trim(), personB?.Trim(), StringComparison.Ordinal))
            {
                violations.Add(prefix + "person_b", "must differ from person_a");
            }
        }
        else if (people < 1)
        {
            violations.Add(prefix + "people", "must be at least 1");
        }

        return violations;
    }
}
