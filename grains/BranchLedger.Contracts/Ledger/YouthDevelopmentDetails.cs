using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>Young-cadre development (年轻干部培养): a youth study group or mentoring pairs, with pairs and sessions.</summary>
/// <remarks>Its catalogue entry is <see cref="YouthDevelopmentEntry"/>; this type holds only its shape and its rules.</remarks>
[GenerateSerializer, Immutable, Alias("branchledger.YouthDevelopmentDetails")]
public sealed record YouthDevelopmentDetails : RecordBody
{
    /// <summary>Study group, mentoring or other.</summary>
    [Id(0)] public required YouthDevelopmentKind Kind { get; init; }

    /// <summary>Its name as the report states it.</summary>
    [Id(1)] public required string Name { get; init; }

    /// <summary>Mentoring pairs.</summary>
    [Id(2)] public int Pairs { get; init; }

    /// <summary>Sessions held.</summary>
    [Id(3)] public int Sessions { get; init; }

    /// <inheritdoc />
    public override string Family => "youth_development";

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today) => violations
        .Choice(prefix, YouthDevelopmentEntry.Kind, Kind)
        .Date(prefix + "date", Date, today)
        .Text(prefix, YouthDevelopmentEntry.YouthName, Name)
        .Count(prefix, YouthDevelopmentEntry.Pairs, Pairs)
        .Count(prefix, YouthDevelopmentEntry.Sessions, Sessions);
}
