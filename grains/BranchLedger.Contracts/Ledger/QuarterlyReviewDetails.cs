using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>The party group hearing a party-building report (每季度听取党建工作汇报).</summary>
[GenerateSerializer, Immutable, Alias("branchledger.QuarterlyReviewDetails")]
public sealed record QuarterlyReviewDetails : RecordBody
{
    /// <summary>What was reported.</summary>
    [Id(0)] public required string Topic { get; init; }

    /// <summary>Who reported (display name).</summary>
    [Id(1)] public string Reporter { get; init; } = "";

    /// <summary>The working mechanism it was heard through (通过“…”工作机制); empty when not given.</summary>
    [Id(2)] public string Mechanism { get; init; } = "";

    /// <inheritdoc />
    public override string Family => "quarterly_review";

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today) => violations
        .Date(prefix + "date", Date, today)
        .Text(prefix, RecordFields.QuarterlyReview.Topic, Topic)
        .Text(prefix, RecordFields.QuarterlyReview.Reporter, Reporter)
        .Text(prefix, RecordFields.QuarterlyReview.Mechanism, Mechanism);
}
