using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>A multi-year campaign such as 模范机关创建, and where it stands.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.CampaignDetails")]
public sealed record CampaignDetails : RecordBody
{
    /// <summary>The campaign's name.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>Where it stands on <see cref="RecordBody.Date"/>.</summary>
    [Id(1)] public required CampaignStatus Status { get; init; }

    /// <summary>The level it runs at.</summary>
    [Id(2)] public RecognitionLevel Level { get; init; } = RecognitionLevel.City;

    /// <inheritdoc />
    public override string Family => "campaign";

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today) => violations
        .Date(prefix + "date", Date, today)
        .Text(prefix, RecordFields.Campaign.Name, Name)
        .Choice(prefix, RecordFields.Campaign.Status, Status)
        .Choice(prefix, RecordFields.Campaign.Level, Level);
}
