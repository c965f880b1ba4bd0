namespace BranchLedger.Contracts.Rankings;

/// <summary>A page of one shard's ranking.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.rankings.ShardPageQuery")]
public sealed record ShardPageQuery
{
    /// <summary>The most rows a shard returns for one page.</summary>
    public const int MaxCount = 1_001;

    /// <summary>Rank by this indicator's points; null or empty ranks by total.</summary>
    [Id(0)] public string? IndicatorId { get; init; }

    /// <summary>Rows after this place; null from the top.</summary>
    [Id(1)] public RankingCursor? After { get; init; }

    /// <summary>How many rows (0 to <see cref="MaxCount"/>).</summary>
    [Id(2)] public int Count { get; init; }

    /// <summary>Only branches whose display name or node id contains this (ignoring case); null for all.</summary>
    [Id(3)] public string? NameContains { get; init; }
}
