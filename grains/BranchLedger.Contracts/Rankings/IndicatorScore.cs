namespace BranchLedger.Contracts.Rankings;

/// <summary>One indicator of a <see cref="BranchScore"/>.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.rankings.IndicatorScore")]
public sealed record IndicatorScore
{
    /// <summary>The rubric's indicator id (see <see cref="RankingKeys.IsIndicatorId"/>).</summary>
    [Id(0)] public required string IndicatorId { get; init; }

    /// <summary>The measured value (e.g. meetings held), for display.</summary>
    [Id(1)] public double Raw { get; init; }

    /// <summary>The points earned; rankings by indicator order on these (at hundredths).</summary>
    [Id(2)] public double Points { get; init; }

    /// <summary>The most points the indicator can earn.</summary>
    [Id(3)] public double MaxPoints { get; init; }

    /// <summary>False when the indicator does not apply to the branch: it then takes no part in that indicator's ranking and distribution.</summary>
    [Id(4)] public bool Assessable { get; init; } = true;
}
