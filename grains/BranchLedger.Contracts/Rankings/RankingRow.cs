using BranchLedger.Domain.Rankings;

namespace BranchLedger.Contracts.Rankings;

/// <summary>One branch in a page of a ranking: what a list shows, without the full indicator vector.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.rankings.RankingRow")]
public sealed record RankingRow
{
    /// <summary>The tenant id.</summary>
    [Id(0)] public required string Tenant { get; init; }

    /// <summary>The node id.</summary>
    [Id(1)] public required string NodeId { get; init; }

    /// <summary>The branch's name.</summary>
    [Id(2)] public string DisplayName { get; init; } = "";

    /// <summary>The parent node; empty at the root.</summary>
    [Id(3)] public string ParentId { get; init; } = "";

    /// <summary>The total.</summary>
    [Id(4)] public double Total { get; init; }

    /// <summary>The grade.</summary>
    [Id(5)] public string Grade { get; init; } = "";

    /// <summary>The score the ranking orders on: the total, or the indicator's points.</summary>
    [Id(6)] public double Score { get; init; }

    /// <summary>The ranked indicator, when ranking by indicator.</summary>
    [Id(7)] public IndicatorScore? Indicator { get; init; }

    /// <summary>When the branch computed the score.</summary>
    [Id(8)] public DateTimeOffset ComputedAt { get; init; }

    /// <summary>The row's place in its ranking order.</summary>
    public RankPosition Position => new(Hundredths.Of(Score), Tenant, NodeId);
}
