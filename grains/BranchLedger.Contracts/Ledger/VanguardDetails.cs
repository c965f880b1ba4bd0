using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>A vanguard team (先锋队) or post (先锋岗) of 三队两岗, the work it leads and what its members do there.</summary>
/// <remarks>Its catalogue entry is <see cref="VanguardEntry"/>; this type holds only its shape and its rules.</remarks>
[GenerateSerializer, Immutable, Alias("branchledger.VanguardDetails")]
public sealed record VanguardDetails : RecordBody
{
    /// <summary>Team or post.</summary>
    [Id(0)] public required VanguardKind Kind { get; init; }

    /// <summary>Its name as the report states it.</summary>
    [Id(1)] public required string Name { get; init; }

    /// <summary>The work or campaign it leads; empty when not given.</summary>
    [Id(2)] public string Campaign { get; init; } = "";

    /// <summary>What its members do there (当先锋); empty when not given.</summary>
    [Id(3)] public string Role { get; init; } = "";

    /// <summary>Members in it; 0 when not counted.</summary>
    [Id(4)] public int Members { get; init; }

    /// <inheritdoc />
    public override string Family => "vanguard";

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today) => violations
        .Choice(prefix, VanguardEntry.Kind, Kind)
        .Date(prefix + "date", Date, today)
        .Text(prefix, VanguardEntry.VanguardName, Name)
        .Text(prefix, VanguardEntry.Campaign, Campaign)
        .Text(prefix, VanguardEntry.Role, Role)
        .Count(prefix, VanguardEntry.Members, Members);
}
