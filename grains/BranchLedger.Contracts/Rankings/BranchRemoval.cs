namespace BranchLedger.Contracts.Rankings;

/// <summary>
/// Withdraws a branch from one period's rankings (e.g. its node was closed). The shards keep a
/// tombstone at <see cref="Version"/>: pushes with a version up to it are ignored afterwards, so a
/// push still in flight cannot bring the branch back.
/// </summary>
[GenerateSerializer, Immutable, Alias("branchledger.rankings.BranchRemoval")]
public sealed record BranchRemoval
{
    /// <summary>The tenant id.</summary>
    [Id(0)] public required string Tenant { get; init; }

    /// <summary>The branch's node id.</summary>
    [Id(1)] public required string NodeId { get; init; }

    /// <summary>The period, canonical form.</summary>
    [Id(2)] public required string Period { get; init; }

    /// <summary>The rubric version.</summary>
    [Id(3)] public required string RubricVersion { get; init; }

    /// <summary>The newest score version this withdrawal supersedes; the default withdraws the branch for good (until a rebuild).</summary>
    [Id(4)] public long Version { get; init; } = long.MaxValue;
}
