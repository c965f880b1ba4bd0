using BranchLedger.Domain.Obligations;

namespace BranchLedger.Contracts.Directory;

/// <summary>One version of an obligation rule as a tenant has it: a default, or a default tightened by an override.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ObligationRuleView")]
public sealed record ObligationRuleView
{
    /// <summary>The rule's id, e.g. <c>branch-general-meeting</c>.</summary>
    [Id(0)] public required string RuleId { get; init; }

    /// <summary>Its display name, e.g. 支部党员大会.</summary>
    [Id(1)] public required string Name { get; init; }

    /// <summary>Branch or organisation level.</summary>
    [Id(2)] public required ObligationScope AppliesTo { get; init; }

    /// <summary>The period each occurrence is counted in.</summary>
    [Id(3)] public required Frequency Frequency { get; init; }

    /// <summary>How many per period (talk pairs: talks per pair).</summary>
    [Id(4)] public required int MinCount { get; init; }

    /// <summary>The quorum, or null when there is none.</summary>
    [Id(5)] public QuorumTerms? Quorum { get; init; }

    /// <summary>First day this version is in force.</summary>
    [Id(6)] public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Last day in force (inclusive); null while open-ended.</summary>
    [Id(7)] public DateOnly? EffectiveTo { get; init; }

    /// <summary>The regulation or tenant decision it comes from.</summary>
    [Id(8)] public required string Source { get; init; }

    /// <summary>True when a tenant override made this version.</summary>
    [Id(9)] public bool Overridden { get; init; }

    /// <summary>The view of a rule version.</summary>
    public static ObligationRuleView From(ObligationRule rule, bool overridden) => new()
    {
        RuleId = rule.Id,
        Name = rule.Name,
        AppliesTo = rule.AppliesTo,
        Frequency = rule.Frequency,
        MinCount = rule.MinCount,
        Quorum = rule.Quorum is { } q ? QuorumTerms.From(q) : null,
        EffectiveFrom = rule.EffectiveFrom,
        EffectiveTo = rule.EffectiveTo,
        Source = rule.Source,
        Overridden = overridden,
    };
}
