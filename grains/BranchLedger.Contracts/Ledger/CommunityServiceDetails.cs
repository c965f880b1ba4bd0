using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>Members reporting to their communities, or a service session there.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.CommunityServiceDetails")]
public sealed record CommunityServiceDetails : RecordBody
{
    /// <summary>Reporting or a service session.</summary>
    [Id(0)] public required CommunityServiceKind Kind { get; init; }

    /// <summary>What it was.</summary>
    [Id(1)] public required string Topic { get; init; }

    /// <summary>Members who reported or took part.</summary>
    [Id(2)] public int Members { get; init; }

    /// <summary>The community (display name).</summary>
    [Id(3)] public string Community { get; init; } = "";

    /// <summary>Members reporting only: the in-service members on the roster; 0 when not given.</summary>
    [Id(4)] public int RosterSize { get; init; }

    /// <inheritdoc />
    public override string Family => "community_service";

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today)
    {
        violations
        .Choice(prefix, RecordFields.CommunityService.Kind, Kind)
        .Date(prefix + "date", Date, today)
        .Text(prefix, RecordFields.CommunityService.Topic, Topic)
        .Count(prefix, RecordFields.CommunityService.Members, Members)
        .Text(prefix, RecordFields.CommunityService.Community, Community)
        .Count(prefix, RecordFields.CommunityService.RosterSize, RosterSize);
        // The roster is what 全部 is measured against, so it is never smaller than those who reported.
        if (RosterSize > 0 && Kind == CommunityServiceKind.MembersReporting && Members > RosterSize)
        {
            violations.Add(prefix + RecordFields.CommunityService.RosterSize.Name, "must not be fewer than the members reporting");
        }
    }
}
