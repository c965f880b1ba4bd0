using BranchLedger.Domain.Obligations;

namespace BranchLedger.Contracts.Directory;

/// <summary>A quorum as stored and exchanged: present must be more than (strict) or at least N/D of the basis.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.QuorumTerms")]
public sealed record QuorumTerms
{
    /// <summary>The number the fraction is taken of.</summary>
    [Id(0)] public required QuorumBasis Basis { get; init; }

    /// <summary>Numerator of the fraction (1 for a half).</summary>
    [Id(1)] public required int Numerator { get; init; }

    /// <summary>Denominator of the fraction (2 for a half).</summary>
    [Id(2)] public required int Denominator { get; init; }

    /// <summary>True for "more than", false for "at least".</summary>
    [Id(3)] public bool Strict { get; init; }

    /// <summary>The domain's quorum.</summary>
    public QuorumRule ToDomain() => new(Basis, Numerator, Denominator, Strict);

    /// <summary>The terms of a domain quorum.</summary>
    public static QuorumTerms From(QuorumRule quorum) =>
        new() { Basis = quorum.Basis, Numerator = quorum.Numerator, Denominator = quorum.Denominator, Strict = quorum.Strict };
}
