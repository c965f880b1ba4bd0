namespace BranchLedger.Contracts.Directory;

/// <summary>A tenant's obligation rules: every version in force over time, and the override list that shaped them.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.TenantObligations")]
public sealed record TenantObligations
{
    /// <summary>Every default rule version with the overrides merged in, defaults' order, oldest version first.</summary>
    [Id(0)] public IReadOnlyList<ObligationRuleView> Rules { get; init; } = [];

    /// <summary>The current override list; null when none was ever set.</summary>
    [Id(1)] public ObligationOverridesEntry? Overrides { get; init; }
}
