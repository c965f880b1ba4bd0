namespace BranchLedger.Contracts.Rankings;

/// <summary>
/// A branch's score for one period under one rubric version, as the branch pushes it to the
/// rankings after a write (see <see cref="RankingPush"/>). A few hundred bytes: the rankings keep
/// one per branch, period and rubric version, and compute every per-indicator view from them.
/// </summary>
[GenerateSerializer, Immutable, Alias("branchledger.BranchScore")]
public sealed record BranchScore
{
    /// <summary>The tenant id (a slug).</summary>
    [Id(0)] public required string Tenant { get; init; }

    /// <summary>The branch's node id (a slug).</summary>
    [Id(1)] public required string NodeId { get; init; }

    /// <summary>The branch's name, for display and name search (at most 200 characters).</summary>
    [Id(2)] public string DisplayName { get; init; } = "";

    /// <summary>The organisation or parent node above the branch; empty at the root.</summary>
    [Id(3)] public string ParentId { get; init; } = "";

    /// <summary>The period in canonical form: "2026", "2026-Q1" or "2026-03".</summary>
    [Id(4)] public required string Period { get; init; }

    /// <summary>The rubric version that computed it, e.g. "default@3" (opaque to rankings; see <see cref="RankingKeys.IsRubricVersion"/>).</summary>
    [Id(5)] public required string RubricVersion { get; init; }

    /// <summary>0–100 with two decimals; rankings compare it at hundredths.</summary>
    [Id(6)] public required double Total { get; init; }

    /// <summary>The rubric's grade for the total (at most 50 characters).</summary>
    [Id(7)] public string Grade { get; init; } = "";

    /// <summary>Every indicator's value and points (at most 200, ids unique).</summary>
    [Id(8)] public IReadOnlyList<IndicatorScore> Indicators { get; init; } = [];

    /// <summary>
    /// Monotonic per branch and period (e.g. the ledger's last sequence): a shard ignores a push whose
    /// version is not newer than the one it holds, so late or repeated pushes are harmless.
    /// </summary>
    [Id(9)] public required long Version { get; init; }

    /// <summary>When the branch computed it.</summary>
    [Id(10)] public required DateTimeOffset ComputedAt { get; init; }
}
