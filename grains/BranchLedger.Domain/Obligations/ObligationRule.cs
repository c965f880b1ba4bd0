namespace BranchLedger.Domain.Obligations;

/// <summary>
/// One obligation as data: what is counted, how often, how many, with which quorum, for which unit,
/// since and until when, and on whose authority. A rule that changes over time is several versions
/// with the same <see cref="Id"/> and non-overlapping effective dates.
/// </summary>
/// <param name="Id">Stable slug, e.g. "branch-general-meeting"; versions and tenant overrides share it.</param>
/// <param name="Name">Display name in Chinese, e.g. "支部党员大会".</param>
/// <param name="Subject">What is counted.</param>
/// <param name="Frequency">The period each occurrence is counted in.</param>
/// <param name="MinCount">How many per period (for talk pairs: talks per pair per period).</param>
/// <param name="Quorum">When set, a meeting below it does not count; ignored for talk pairs.</param>
/// <param name="AppliesTo">Branch or organisation level.</param>
/// <param name="EffectiveFrom">First day the rule is in force.</param>
/// <param name="EffectiveTo">Last day the rule is in force (inclusive); null while open-ended.</param>
/// <param name="Source">The regulation or tenant decision the rule comes from.</param>
public sealed record ObligationRule(
    string Id,
    string Name,
    ObligationSubject Subject,
    Frequency Frequency,
    int MinCount,
    QuorumRule? Quorum,
    ObligationScope AppliesTo,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    string Source)
{
    /// <summary>True when the rule is in force on <paramref name="date"/>.</summary>
    public bool InForceOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo);

    /// <summary>The last day in force, with an open end as <see cref="DateOnly.MaxValue"/>.</summary>
    internal DateOnly LastDay => EffectiveTo ?? DateOnly.MaxValue;

    /// <summary>True when the effective ranges of the two share at least one day.</summary>
    internal bool Overlaps(DateOnly from, DateOnly? to) => from <= LastDay && EffectiveFrom <= (to ?? DateOnly.MaxValue);

    /// <summary>
    /// Why the rule cannot be evaluated, or null when it can. Rules come from data, so a broken one is
    /// refused by <see cref="Compliance"/> rather than silently counting as met.
    /// </summary>
    public string? Problem()
    {
        if (!Identifiers.IsSlug(Id))
        {
            return $"rule id '{Id}' is not a slug";
        }

        if (string.IsNullOrWhiteSpace(Name) || string.IsNullOrWhiteSpace(Source))
        {
            return $"rule '{Id}' needs a name and a source";
        }

        if (Subject.Kind == SubjectKind.Unspecified)
        {
            return $"rule '{Id}' has no subject";
        }

        if (!Frequency.IsDefinedFrequency())
        {
            return $"rule '{Id}' has no frequency";
        }

        if (MinCount < 1)
        {
            return $"rule '{Id}' must require at least 1 per period";
        }

        if (Quorum is not null && !Quorum.IsWellFormed)
        {
            return $"rule '{Id}' has a quorum that cannot be met";
        }

        if (AppliesTo is not (ObligationScope.Branch or ObligationScope.Organisation))
        {
            return $"rule '{Id}' applies to no unit";
        }

        return EffectiveTo < EffectiveFrom ? $"rule '{Id}' ends before it starts" : null;
    }
}
