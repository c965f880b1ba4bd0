namespace BranchLedger.Domain.Obligations;

/// <summary>
/// A tenant's stricter version of one rule, for a span of dates. Fields left null keep the default's
/// value; outside the override's dates the default applies unchanged. An override can only tighten a
/// rule: a city may demand more than the regulations, never less.
/// </summary>
/// <param name="RuleId">The <see cref="ObligationRule.Id"/> it tightens.</param>
/// <param name="EffectiveFrom">First day the override applies.</param>
/// <param name="EffectiveTo">Last day (inclusive); null while open-ended.</param>
/// <param name="Source">The tenant's decision or local regulation, e.g. "市直机关工委〔2025〕3号".</param>
/// <param name="MinCount">A higher count per period, or null to keep the default's.</param>
/// <param name="Frequency">A more frequent period, or null to keep the default's.</param>
/// <param name="Quorum">A stricter quorum on the same basis, or null to keep the default's.</param>
public sealed record ObligationOverride(
    string RuleId,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    string Source,
    int? MinCount = null,
    Frequency? Frequency = null,
    QuorumRule? Quorum = null);
