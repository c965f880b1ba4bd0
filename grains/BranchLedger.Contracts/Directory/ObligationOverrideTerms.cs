using BranchLedger.Domain.Obligations;

namespace BranchLedger.Contracts.Directory;

/// <summary>
/// One tenant override of a default obligation, as stored in the directory and pushed to ledgers
/// (the domain's <see cref="ObligationOverride"/>, serialisable). Null fields keep the default's value.
/// </summary>
[GenerateSerializer, Immutable, Alias("branchledger.ObligationOverrideTerms")]
public sealed record ObligationOverrideTerms
{
    /// <summary>The default rule it tightens, e.g. <c>branch-general-meeting</c>.</summary>
    [Id(0)] public required string RuleId { get; init; }

    /// <summary>First day the override applies.</summary>
    [Id(1)] public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Last day (inclusive); null while open-ended.</summary>
    [Id(2)] public DateOnly? EffectiveTo { get; init; }

    /// <summary>The tenant's decision or local regulation.</summary>
    [Id(3)] public required string Source { get; init; }

    /// <summary>A higher count per period, or null.</summary>
    [Id(4)] public int? MinCount { get; init; }

    /// <summary>A more frequent period, or null.</summary>
    [Id(5)] public Frequency? Frequency { get; init; }

    /// <summary>A stricter quorum on the same basis, or null.</summary>
    [Id(6)] public QuorumTerms? Quorum { get; init; }

    /// <summary>The domain's override.</summary>
    public ObligationOverride ToDomain() =>
        new(RuleId, EffectiveFrom, EffectiveTo, Source, MinCount, Frequency, Quorum?.ToDomain());
}
