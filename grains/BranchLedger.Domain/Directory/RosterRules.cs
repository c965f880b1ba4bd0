using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Directory;

/// <summary>
/// What makes a roster acceptable, and which roster is in effect on a day. A roster is counts and
/// roles only (the secretary's display name is the one piece of personal data): enough for quorum
/// and coverage rules, nothing a member database would hold.
/// </summary>
public static class RosterRules
{
    /// <summary>The longest secretary display name accepted.</summary>
    public const int MaxSecretaryLength = 100;

    /// <summary>A committee larger than this is a typing error (支委会 have 3–7 members, 党委 rarely over 20).</summary>
    public const int MaxCommitteeMembers = 100;

    /// <summary>More members than this in one node is a typing error.</summary>
    public const int MaxMembers = 100_000;

    /// <summary>No roster in this platform takes effect before this day (as no ledger starts earlier).</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>
    /// Checks a roster. <paramref name="today"/> is the recorder's calendar day; a roster may be
    /// entered up to a year ahead (an election result with a later start), not further.
    /// </summary>
    public static Violations Check(
        Violations violations,
        DateOnly effectiveFrom,
        string? secretary,
        int committeeMembers,
        int members,
        int votingMembers,
        DateOnly today)
    {
        if (effectiveFrom < EarliestDate)
        {
            violations.Add("effective_from", $"must not be before {EarliestDate:yyyy-MM-dd}");
        }
        else if (effectiveFrom > today.AddYears(1))
        {
            violations.Add("effective_from", "must not be more than a year ahead");
        }

        NodeRules.SingleLine(violations, "secretary", secretary, MaxSecretaryLength, required: false);
        violations
            .Count("committee_members", committeeMembers, MaxCommitteeMembers)
            .Count("members", members, MaxMembers)
            .Count("voting_members", votingMembers, MaxMembers);

        // Compared only when both counts are in range, so one typing error is reported once.
        var membersValid = members is >= 0 and <= MaxMembers;
        if (membersValid && committeeMembers is >= 0 and <= MaxCommitteeMembers && committeeMembers > members)
        {
            violations.Add("committee_members", "must not exceed members (committee members are members)");
        }

        if (membersValid && votingMembers is >= 0 and <= MaxMembers && votingMembers > members)
        {
            violations.Add("voting_members", "must not exceed members");
        }

        return violations;
    }

    /// <summary>
    /// The roster in effect on <paramref name="day"/>: of those effective on or before it, the one
    /// with the latest start; of several with that start, the last recorded (a correction). Null
    /// when none has started yet.
    /// </summary>
    /// <param name="rosters">A node's rosters in the order they were recorded.</param>
    /// <param name="effectiveFrom">The start day of a roster.</param>
    /// <param name="day">The day asked about.</param>
    public static T? InEffectOn<T>(IEnumerable<T> rosters, Func<T, DateOnly> effectiveFrom, DateOnly day)
        where T : class
    {
        T? best = null;
        foreach (var roster in rosters)
        {
            var from = effectiveFrom(roster);
            if (from <= day && (best is null || from >= effectiveFrom(best)))
            {
                best = roster;
            }
        }

        return best;
    }
}
