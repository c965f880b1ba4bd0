using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Directory;

/// <summary>
/// A tenant's obligation overrides as the directory keeps them: one complete list, replaced whole,
/// checked against <see cref="DefaultObligations.All"/> (stricter only, see <see cref="ObligationOverrides"/>).
/// </summary>
public static class TenantObligationRules
{
    /// <summary>
    /// The longest list accepted: a dozen default rules, each tightened over a few spans of dates, needs
    /// far fewer; more is a generated list gone wrong.
    /// </summary>
    public const int MaxOverrides = 100;

    /// <summary>
    /// Checks a complete override list; fields are <c>overrides[i].…</c>. Every override is checked
    /// against every default rule (both levels), so one list serves organisations and branches alike.
    /// </summary>
    public static Violations Check(Violations violations, IReadOnlyList<ObligationOverride> overrides, string prefix = "overrides")
    {
        if (overrides.Count > MaxOverrides)
        {
            return violations.Add(prefix, $"must hold at most {MaxOverrides} overrides");
        }

        for (var i = 0; i < overrides.Count; i++)
        {
            if (overrides[i].EffectiveFrom < RosterRules.EarliestDate)
            {
                violations.Add($"{prefix}[{i}].effective_from", $"must not be before {RosterRules.EarliestDate:yyyy-MM-dd}");
            }
        }

        ObligationOverrides.Apply(DefaultObligations.All, overrides, violations, prefix);
        return violations;
    }

    /// <summary>Checks replacing the list: the tenant exists and the list changes (history records changes only).</summary>
    public static DirectoryFailure? CanReplace(string tenantId, bool isRegistered, bool changesSomething)
    {
        if (TenantRules.CanChangeTree(tenantId, isRegistered) is { } failure)
        {
            return failure;
        }

        return changesSomething
            ? null
            : new RuleBroken(FailureCodes.NoChange, "overrides", "The obligation overrides are like that already.");
    }

    /// <summary>
    /// Every rule version in force over time, both levels, with the overrides merged in, each marked
    /// whether an override made it. A stored list was valid when it was written; should a default
    /// change so that an override no longer tightens it, that override is left out and the default —
    /// the legal floor — applies.
    /// </summary>
    public static IReadOnlyList<(ObligationRule Rule, bool Overridden)> Effective(IReadOnlyList<ObligationOverride> overrides)
    {
        var violations = new Violations();
        var rules = ObligationOverrides.Apply(DefaultObligations.All, overrides, violations, "o");

        // Apply names refused overrides by index ("o[3].min_count"); only accepted ones mark a version.
        var accepted = overrides
            .Where((_, i) => !violations.Items.Any(v => v.Field.StartsWith($"o[{i}].", StringComparison.Ordinal)))
            .ToList();
        return [.. rules.Select(r => (r, accepted.Any(o => o.RuleId == r.Id
            && o.EffectiveFrom <= r.EffectiveFrom && r.EffectiveFrom <= (o.EffectiveTo ?? DateOnly.MaxValue))))];
    }

    /// <summary>The rule versions that bind a unit of <paramref name="scope"/>, overrides merged in.</summary>
    /// <remarks>
    /// Overrides are applied to all defaults and the result filtered by level, not the other way round:
    /// applied to one level's defaults, an override of the other level's rule would be refused as naming
    /// no rule.
    /// </remarks>
    public static IReadOnlyList<ObligationRule> For(ObligationScope scope, IReadOnlyList<ObligationOverride> overrides) =>
        [.. ObligationOverrides.Apply(DefaultObligations.All, overrides, new Violations()).Where(r => r.AppliesTo == scope)];
}
