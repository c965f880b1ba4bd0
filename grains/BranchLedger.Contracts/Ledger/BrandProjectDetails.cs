using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>A party-building brand project (党建品牌) and where it stands.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.BrandProjectDetails")]
public sealed record BrandProjectDetails : RecordBody
{
    /// <summary>The brand's name.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>The level it is built or recognised at.</summary>
    [Id(1)] public required RecognitionLevel Level { get; init; }

    /// <summary>Where it stands on <see cref="RecordBody.Date"/>.</summary>
    [Id(2)] public required BrandStatus Status { get; init; }

    /// <inheritdoc />
    public override string Family => "brand_project";

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today) => violations
        .Date(prefix + "date", Date, today)
        .Text(prefix, RecordFields.BrandProject.Name, Name)
        .Choice(prefix, RecordFields.BrandProject.Level, Level)
        .Choice(prefix, RecordFields.BrandProject.Status, Status);
}
