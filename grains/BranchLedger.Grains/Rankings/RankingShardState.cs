using BranchLedger.Contracts.Rankings;

namespace BranchLedger.Grains.Rankings;

/// <summary>A ranking shard's snapshot: its scores and tombstones (derived; rebuilt by republishing if lost).</summary>
[GenerateSerializer, Alias("branchledger.state.RankingShard.v1")]
public sealed class RankingShardState
{
    /// <summary>Every held score.</summary>
    [Id(0)] public List<BranchScore> Scores { get; set; } = [];

    /// <summary>Withdrawn branches, each at the version it superseded.</summary>
    [Id(1)] public List<BranchRemoval> Withdrawn { get; set; } = [];
}
