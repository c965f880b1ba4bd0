namespace BranchLedger.Contracts.Directory;

/// <summary>A node's roster from a day on: counts and roles, no personal data but the secretary's display name.</summary>
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
}
