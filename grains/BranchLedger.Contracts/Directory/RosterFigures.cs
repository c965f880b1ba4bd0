namespace BranchLedger.Contracts.Directory;

/// <summary>
/// A node's roster from a day on: counts and roles; the only personal data are display names — the
/// secretary's, and optionally every committee member's and member's, for 谈心谈话 pair coverage.
/// </summary>
[GenerateSerializer, Immutable, Alias("branchledger.RosterFigures")]
public sealed record RosterFigures
{
    /// <summary>The first day the roster is in effect.</summary>
    [Id(0)] public required DateOnly EffectiveFrom { get; init; }

    /// <summary>The secretary's display name; empty when the post is vacant.</summary>
    [Id(1)] public string Secretary { get; init; } = "";

    /// <summary>Committee members, the secretary included.</summary>
    [Id(2)] public int CommitteeMembers { get; init; }

    /// <summary>Members, probationary members included.</summary>
    [Id(3)] public int Members { get; init; }

    /// <summary>Members with a vote; quorum rules count these.</summary>
    [Id(4)] public int VotingMembers { get; init; }

    /// <summary>The committee members' display names (secretary included); empty when names are not kept.</summary>
    [Id(5)] public IReadOnlyList<string> CommitteeNames { get; init; } = [];

    /// <summary>Every member's display name (committee members included); empty when names are not kept.</summary>
    [Id(6)] public IReadOnlyList<string> MemberNames { get; init; } = [];

    /// <summary>True when the roster names its people, so pair coverage can be judged.</summary>
    public bool HasNames => MemberNames.Count > 0;

    /// <summary>Compared by content (the name lists element by element), so a retry is recognised as the same roster.</summary>
    public bool Equals(RosterFigures? other) =>
        other is not null
        && EffectiveFrom == other.EffectiveFrom
        && Secretary == other.Secretary
        && CommitteeMembers == other.CommitteeMembers
        && Members == other.Members
        && VotingMembers == other.VotingMembers
        && CommitteeNames.SequenceEqual(other.CommitteeNames, StringComparer.Ordinal)
        && MemberNames.SequenceEqual(other.MemberNames, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(EffectiveFrom, Secretary, CommitteeMembers, Members, VotingMembers, CommitteeNames.Count, MemberNames.Count);
}
