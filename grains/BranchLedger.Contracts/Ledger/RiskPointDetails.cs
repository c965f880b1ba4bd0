using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>An integrity-risk point (廉政风险点) and the measures against it; the measures are counted.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.RiskPointDetails")]
public sealed record RiskPointDetails : RecordBody
{
    /// <summary>The risk point.</summary>
    [Id(0)] public required string RiskPoint { get; init; }

    /// <summary>The measures (条), in order.</summary>
    [Id(1)] public required IReadOnlyList<string> Measures { get; init; }

    /// <inheritdoc />
    public override string Family => "risk_point";

    /// <inheritdoc />
    public bool Equals(RiskPointDetails? other) =>
        other is not null && base.Equals(other) && RiskPoint == other.RiskPoint && Measures.SequenceEqual(other.Measures);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), RiskPoint, Measures.Count);

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today) => violations
        .Date(prefix + "date", Date, today)
        .Text(prefix, RecordFields.RiskPoint.Point, RiskPoint)
        .Items(prefix, RecordFields.RiskPoint.Measures, Measures);
}
