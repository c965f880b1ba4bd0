using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Directory;

/// <summary>
/// What makes a roster acceptable, and which roster is in effect on a day. A roster is counts and
/// roles, plus optional display names (the secretary's, and for 谈心谈话 coverage those of committee
/// members and members) — the only personal data: enough for quorum and coverage rules, nothing a
/// member database would hold.
/// </summary>
public static class RosterRules
{
    /// <summary>The longest secretary display name accepted.</summary>
    public const int MaxSecretaryLength = 100;

    /// <summary>A committee larger than this is a typing error (支委会 have 3–7 members, 党委 rarely over 20).</summary>
    public const int MaxCommitteeMembers = 100;

    /// <summary>More members than this in one node is a typing error.</summary>
    public const int MaxMembers = 100_000;

    /// <summary>The longest member or committee display name accepted (as for the secretary).</summary>
    public const int MaxNameLength = 100;

    /// <summary>
    /// Names are listed for nodes of up to this many members (a branch has a few dozen); larger nodes
    /// keep counts only, so a roster entry — stored and pushed whole — stays small.
    /// </summary>
    public const int MaxNamedMembers = 1_000;

    /// <summary>No roster in this platform takes effect before this day (as no ledger starts earlier).</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>
    /// Checks a roster. <paramref name="today"/> is the recorder's calendar day; a roster may be
    /// entered up to a year ahead (an election result with a later start), not further. The name
    /// lists are optional (see <see cref="CheckNames"/>); null or empty means "counts only".
    /// </summary>
    public static Violations Check(
        Violations violations,
        DateOnly effectiveFrom,
        string? secretary,
        int committeeMembers,
        int members,
        int votingMembers,
        DateOnly today,
        IReadOnlyList<string>? committeeNames = null,
        IReadOnlyList<string>? memberNames = null)
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

        return CheckNames(violations, secretary, committeeMembers, members, committeeNames ?? [], memberNames ?? []);
    }

    /// <summary>
    /// Checks the optional display names that 谈心谈话 coverage needs (the only personal data a roster
    /// holds). A roster either has no names (both lists empty: counts only) or names every member:
    /// <list type="bullet">
    /// <item>each name, trimmed, is non-blank, one line, at most <see cref="MaxNameLength"/> characters,
    /// and appears once in its list (ordinal comparison after trimming);</item>
    /// <item><c>member_names</c> lists all <c>members</c> (committee members included), at most
    /// <see cref="MaxNamedMembers"/>; <c>committee_names</c> lists exactly <c>committee_members</c>
    /// (so it is empty when the committee is), each also in <c>member_names</c>;</item>
    /// <item>committee names without member names are refused: the pairs owed include every
    /// committee–member pair;</item>
    /// <item>a secretary, when named, is one of the committee names (the secretary sits on the committee).</item>
    /// </list>
    /// </summary>
    public static Violations CheckNames(
        Violations violations, string? secretary, int committeeMembers, int members,
        IReadOnlyList<string> committeeNames, IReadOnlyList<string> memberNames)
    {
        if (committeeNames.Count == 0 && memberNames.Count == 0)
        {
            return violations;
        }

        var committee = NameList(violations, "committee_names", committeeNames, MaxCommitteeMembers);
        var everyone = NameList(violations, "member_names", memberNames, MaxNamedMembers);
        if (memberNames.Count == 0)
        {
            return violations.Add("member_names", "is required when committee_names are given: every committee member owes a talk to every member");
        }

        if (members is >= 0 and <= MaxMembers && memberNames.Count != members)
        {
            violations.Add("member_names", $"must name all {members} members, committee members included (got {memberNames.Count})");
        }

        if (committeeMembers is >= 0 and <= MaxCommitteeMembers && committeeNames.Count != committeeMembers)
        {
            violations.Add("committee_names", $"must name all {committeeMembers} committee members when member_names are given (got {committeeNames.Count})");
        }

        if (committee is not null && everyone is not null)
        {
            for (var i = 0; i < committeeNames.Count; i++)
            {
                if (!everyone.Contains(committeeNames[i].Trim()))
                {
                    violations.Add($"committee_names[{i}]", "must also be in member_names: committee members are members");
                }
            }

            if (!string.IsNullOrWhiteSpace(secretary) && committeeNames.Count > 0 && !committee.Contains(secretary.Trim()))
            {
                violations.Add("secretary", "must be one of committee_names: the secretary sits on the committee");
            }
        }

        return violations;
    }

    /// <summary>Names as a roster keeps them: trimmed, in the order given.</summary>
    public static IReadOnlyList<string> Trimmed(IEnumerable<string> names) => [.. names.Select(n => n.Trim())];

    // The trimmed names when every one is acceptable and unique; null (with violations) otherwise.
    private static HashSet<string>? NameList(Violations violations, string field, IReadOnlyList<string> names, int max)
    {
        if (names.Count > max)
        {
            violations.Add(field, $"must name at most {max} people; larger nodes keep counts only");
            return null;
        }

        var before = violations.Items.Count;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i]?.Trim() ?? "";
            var at = $"{field}[{i}]";
            if (name.Length == 0)
            {
                violations.Add(at, "must not be blank");
                continue;
            }

            var found = violations.Items.Count;
            NodeRules.SingleLine(violations, at, name, MaxNameLength, required: true);
            if (violations.Items.Count == found && !seen.TryAdd(name, i))
            {
                violations.Add(at, $"repeats {field}[{seen[name]}]: give two people of one name distinct display names, e.g. 张伟（办公室）");
            }
        }

        return violations.Items.Count == before ? seen.Keys.ToHashSet(StringComparer.Ordinal) : null;
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
