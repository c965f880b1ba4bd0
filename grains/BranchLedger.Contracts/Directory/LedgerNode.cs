using BranchLedger.Domain.Directory;

namespace BranchLedger.Contracts.Directory;

/// <summary>
/// What a ledger needs to know of its node: that it exists, whether it is closed, its kind, its
/// rosters (for attendance limits, quorum and talk coverage), the tenant's time zone (for "today")
/// and the tenant's obligation overrides (for compliance). The tenant grain pushes a new one whenever
/// any of these changes, so a ledger never asks the directory on its write path.
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

    /// <summary>The tenant's current obligation overrides (checked when they were set); empty for the defaults.</summary>
    [Id(5)] public IReadOnlyList<ObligationOverrideTerms> ObligationOverrides { get; init; } = [];

    /// <summary>The node's display name, for rankings and reports.</summary>
    [Id(6)] public string Name { get; init; } = "";

    /// <summary>The parent node's id; null at the root.</summary>
    [Id(7)] public string? ParentId { get; init; }

    /// <summary>
    /// The tenant's attendance setting: the ledger drops attendance names before storing a meeting
    /// unless the tenant keeps names.
    /// </summary>
    [Id(8)] public AttendanceRecording AttendanceRecording { get; init; } = AttendanceRecording.CountsOnly;
}
