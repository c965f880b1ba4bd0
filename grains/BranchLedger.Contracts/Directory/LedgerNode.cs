using BranchLedger.Domain.Directory;

namespace BranchLedger.Contracts.Directory;

/// <summary>
/// What a ledger needs to know of its node: that it exists, whether it is closed, its kind, its
/// rosters (for attendance limits and quorum) and the tenant's time zone (for "today").
/// </summary>
[GenerateSerializer, Immutable, Alias("branchledger.LedgerNode")]
public sealed record LedgerNode
{
    /// <summary>The node's id.</summary>
    [Id(0)] public required string NodeId { get; init; }

    /// <summary>Organisation, general branch, branch or small group.</summary>
    [Id(1)] public required NodeKind Kind { get; init; }

    /// <summary>Closed nodes keep their history but take no new records.</summary>
    [Id(2)] public bool IsClosed { get; init; }

    /// <summary>The tenant's IANA time zone.</summary>
    [Id(3)] public required string TimeZone { get; init; }

    /// <summary>The node's rosters in the order they were recorded.</summary>
    [Id(4)] public IReadOnlyList<RosterFigures> Rosters { get; init; } = [];
}
