using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>
/// A correction of an earlier record: it voids it, or amends it with a replacement of the same family.
/// The original stays in the history; the current view shows the replacement (or nothing, when void).
/// </summary>
[GenerateSerializer, Immutable, Alias("branchledger.CorrectionDetails")]
public sealed record CorrectionDetails : RecordBody, ITargetsRecord
{
    /// <summary>The sequence of the record corrected.</summary>
    [Id(0)] public required long TargetSequence { get; init; }

    /// <summary>Why it was corrected.</summary>
    [Id(1)] public required string Reason { get; init; }

    /// <summary>The replacement; null when the correction voids the record.</summary>
    [Id(2)] public RecordBody? Replacement { get; init; }

    /// <inheritdoc />
    public override string Family => "correction";

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today)
    {
        violations.Text(prefix + "reason", Reason, Domain.Ledger.RecordRules.MaxTitleLength, required: true);
        if (TargetSequence < 1)
        {
            violations.Add(prefix + "record_id", "must name a record of this ledger, e.g. rec-17");
        }

        if (Replacement is CorrectionDetails)
        {
            violations.Add(prefix + "replacement", "must be a record, not another correction");
        }

        Replacement?.Check(violations, "replacement." + Replacement.Family + ".", today);
    }
}
