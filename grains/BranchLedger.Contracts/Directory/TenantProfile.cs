using BranchLedger.Domain.Directory;

namespace BranchLedger.Contracts.Directory;

/// <summary>What a tenant (a municipal body) says about itself.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.TenantProfile")]
public sealed record TenantProfile
{
    /// <summary>The body's name as people read it, e.g. 市残疾人联合会.</summary>
    [Id(0)] public required string DisplayName { get; init; }

    /// <summary>What kind of body it is.</summary>
    [Id(1)] public required BodyKind BodyKind { get; init; }

    /// <summary>The body's IANA time zone; it decides which calendar day a moment falls on.</summary>
    [Id(2)] public required string TimeZone { get; init; }

    /// <summary>Whether meeting attendance keeps names or counts only (the default: minimal personal data).</summary>
    [Id(3)] public AttendanceRecording AttendanceRecording { get; init; } = AttendanceRecording.CountsOnly;

    /// <summary>How many days a trusted device stays signed in to the web app (1..90).</summary>
    [Id(4)] public int SessionDays { get; init; } = TenantRules.DefaultSessionDays;

    /// <summary>
    /// Whether grants narrowed to nodes (branch secretaries) read the whole tenant; off by default, so
    /// they read only their own nodes. Their writes stay narrowed either way.
    /// </summary>
    [Id(5)] public bool SecretariesReadWholeTenant { get; init; }
}
