namespace BranchLedger.Domain.Obligations;

/// <summary>Which number a quorum is measured against. It is always explicit: "more than half" of whom matters.</summary>
public enum QuorumBasis
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>Full members with voting rights on the roster in force on the meeting day (probationary members excluded).</summary>
    VotingMembers = 1,
    /// <summary>Committee members on the roster in force on the meeting day.</summary>
    CommitteeMembers = 2,
    /// <summary>All members on the roster in force on the meeting day.</summary>
    Members = 3,
    /// <summary>The expected attendees written on the meeting record itself (应到人数).</summary>
    ExpectedAttendees = 4,
}

/// <summary>
/// A quorum: present must be more than (<see cref="Strict"/>) or at least Numerator/Denominator of the
/// basis. "More than half" and "at least half" differ exactly at half, which is where disputes are.
/// </summary>
/// <param name="Basis">The number the fraction is taken of.</param>
/// <param name="Numerator">Numerator of the fraction (1 for a half).</param>
/// <param name="Denominator">Denominator of the fraction (2 for a half).</param>
/// <param name="Strict">True for "more than", false for "at least".</param>
public sealed record QuorumRule(QuorumBasis Basis, int Numerator, int Denominator, bool Strict)
{
    /// <summary>More than half of <paramref name="basis"/> (过半数).</summary>
    public static QuorumRule MoreThanHalfOf(QuorumBasis basis) => new(basis, 1, 2, Strict: true);

    /// <summary>At least <paramref name="numerator"/>/<paramref name="denominator"/> of <paramref name="basis"/> (e.g. 不少于2/3).</summary>
    public static QuorumRule AtLeast(int numerator, int denominator, QuorumBasis basis) => new(basis, numerator, denominator, Strict: false);

    /// <summary>
    /// True when the fraction can be met at all: 0 &lt; N/D ≤ 1 and not "more than all".
    /// </summary>
    public bool IsWellFormed =>
        Enum.IsDefined(Basis) && Basis != QuorumBasis.Unspecified
        && Denominator >= 1 && Denominator <= 1000 && Numerator >= 1 && Numerator <= Denominator
        && !(Strict && Numerator == Denominator);

    /// <summary>
    /// The fewest people present that satisfy the rule when the basis is <paramref name="basisCount"/>:
    /// more than N/D of n is ⌊n·N/D⌋ + 1, at least N/D of n is ⌈n·N/D⌉ (so more than half of 6 is 4,
    /// at least 2/3 of 7 is 5). Integer arithmetic, so 2/3 of 9 is exactly 6.
    /// </summary>
    public int RequiredPresent(int basisCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(basisCount);
        var product = (long)basisCount * Numerator;
        return (int)(Strict ? (product / Denominator) + 1 : (product + Denominator - 1) / Denominator);
    }

    /// <summary>
    /// True when every meeting that satisfies this rule also satisfies <paramref name="other"/> (same basis, a
    /// fraction at least as large, and "more than" if the fractions are equal and the other is strict).
    /// Used to refuse tenant overrides that loosen a quorum.
    /// </summary>
    public bool IsAtLeastAsStrictAs(QuorumRule other)
    {
        if (Basis != other.Basis)
        {
            return false;
        }

        // Compare N1/D1 with N2/D2 by cross-multiplying: no rounding.
        var left = (long)Numerator * other.Denominator;
        var right = (long)other.Numerator * Denominator;
        return left > right || (left == right && (Strict || !other.Strict));
    }

    /// <summary>The rule as the regulations write it, e.g. "超过有表决权党员的半数".</summary>
    public string DisplayName
    {
        get
        {
            var of = Basis switch
            {
                QuorumBasis.VotingMembers => "有表决权党员",
                QuorumBasis.CommitteeMembers => "支部委员",
                QuorumBasis.Members => "党员",
                QuorumBasis.ExpectedAttendees => "应到会人数",
                _ => "（未设置）",
            };
            var fraction = Numerator * 2 == Denominator ? "半数" : $"{Numerator}/{Denominator}";
            return (Strict ? "超过" : "不少于") + of + "的" + fraction;
        }
    }
}
