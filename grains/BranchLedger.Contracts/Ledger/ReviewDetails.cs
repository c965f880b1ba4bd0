using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>
/// The party office's review of an earlier record: read (已阅), or returned (退回) with a reason for the
/// branch to answer by correcting it. An audited step on the record, never an edit of it: the record
/// reads as before, and its review state is derived from the reviews and corrections that follow it.
/// </summary>
[GenerateSerializer, Immutable, Alias("branchledger.ReviewDetails")]
public sealed record ReviewDetails : RecordBody, ITargetsRecord
{
    /// <summary>The sequence of the record reviewed.</summary>
    [Id(0)] public required long TargetSequence { get; init; }

    /// <summary>Read or returned.</summary>
    [Id(1)] public required ReviewVerdict Verdict { get; init; }

    /// <summary>Why it was returned (required then); an optional remark when read.</summary>
    [Id(2)] public string Reason { get; init; } = "";

    /// <inheritdoc />
    public override string Family => "review";

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today)
    {
        if (TargetSequence < 1)
        {
            violations.Add(prefix + "record_id", "must name a record of this ledger, e.g. rec-17");
        }

        if (!Enum.IsDefined(Verdict))
        {
            violations.Add(prefix + "verdict", "must be READ or RETURNED");
        }

        violations.Text(prefix + "reason", Reason, Reviews.MaxReasonLength, required: Verdict == ReviewVerdict.Returned);
    }
}
