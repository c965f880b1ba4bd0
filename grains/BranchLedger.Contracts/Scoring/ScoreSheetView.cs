namespace BranchLedger.Contracts.Scoring;

/// <summary>A node's score for one period under one rubric version, every indicator explained.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ScoreSheetView")]
public sealed record ScoreSheetView
{
    /// <summary>The rubric version, <c>{rubric}@{version}</c>.</summary>
    [Id(0)] public required string RubricVersion { get; init; }

    /// <summary>The period, canonical.</summary>
    [Id(1)] public required string Period { get; init; }

    /// <summary>The day it was computed for (tenant calendar).</summary>
    [Id(2)] public required DateOnly Today { get; init; }

    /// <summary>0–100 with two decimals; null when nothing was assessable.</summary>
    [Id(3)] public double? Total { get; init; }

    /// <summary>The grade band's name; empty when there is no total.</summary>
    [Id(4)] public string Grade { get; init; } = "";

    /// <summary>Every indicator of the rubric, in rubric order.</summary>
    [Id(5)] public IReadOnlyList<IndicatorView> Indicators { get; init; } = [];
}

/// <summary>One indicator of a score sheet: value, points, and the records behind them.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.IndicatorView")]
public sealed record IndicatorView
{
    /// <summary>The indicator's id.</summary>
    [Id(0)] public required string IndicatorId { get; init; }

    /// <summary>Its category's id.</summary>
    [Id(1)] public required string CategoryId { get; init; }

    /// <summary>Display name.</summary>
    [Id(2)] public required string Name { get; init; }

    /// <summary>The measure id.</summary>
    [Id(3)] public required string Measure { get; init; }

    /// <summary>Scored, out of scope, nothing to judge, year only.</summary>
    [Id(4)] public required string Status { get; init; }

    /// <summary>The raw value: a rate 0–1 or a count.</summary>
    [Id(5)] public double Raw { get; init; }

    /// <summary>What was met, on time, covered or counted.</summary>
    [Id(6)] public int Numerator { get; init; }

    /// <summary>What was judged, for rates.</summary>
    [Id(7)] public int? Denominator { get; init; }

    /// <summary>Points earned.</summary>
    [Id(8)] public double Points { get; init; }

    /// <summary>The indicator's weight.</summary>
    [Id(9)] public double MaxPoints { get; init; }

    /// <summary>The ledger sequences of the records that counted.</summary>
    [Id(10)] public IReadOnlyList<long> Sequences { get; init; } = [];

    /// <summary>What was judged and not met (rule@period, duty or finding ids).</summary>
    [Id(11)] public IReadOnlyList<string> Misses { get; init; } = [];
}
