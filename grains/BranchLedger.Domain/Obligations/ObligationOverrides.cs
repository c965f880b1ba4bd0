using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Obligations;

/// <summary>
/// Merges a tenant's overrides into the default rules. "Stricter" is checked precisely: every set of
/// records that meets the override in every period must also meet the default. So a frequency may only
/// get finer (monthly for quarterly) and then only from a period boundary of the default, the count
/// over the default's period must not drop (k finer periods × min_count ≥ the default's min_count),
/// and a quorum must be on the same basis with a fraction at least as large.
/// </summary>
public static class ObligationOverrides
{
    /// <summary>The highest count per period an override may ask for; more is a typing error.</summary>
    public const int MaxMinCount = 1000;

    /// <summary>The longest source text accepted.</summary>
    public const int MaxSourceLength = 500;

    /// <summary>
    /// The rule versions in force over time: each default version, split where an override applies,
    /// with the override's fields and source on the overridden part. Overrides that are not acceptable
    /// are listed in <paramref name="violations"/> (fields like <c>overrides[1].min_count</c>) and left
    /// out, so the defaults — the legal floor — still apply; a write path refuses the whole request
    /// when any violation is found.
    /// </summary>
    public static IReadOnlyList<ObligationRule> Apply(
        IEnumerable<ObligationRule> defaults,
        IEnumerable<ObligationOverride> overrides,
        Violations violations,
        string prefix = "overrides")
    {
        var rules = defaults.ToList();
        var accepted = new List<ObligationOverride>();
        var index = 0;
        foreach (var candidate in overrides)
        {
            var before = violations.Items.Count;
            Check(candidate, $"{prefix}[{index}].", rules, accepted, violations);
            if (violations.Items.Count == before)
            {
                accepted.Add(candidate);
            }

            index++;
        }

        var result = new List<ObligationRule>();
        foreach (var rule in rules)
        {
            var mine = accepted
                .Where(o => o.RuleId == rule.Id && rule.Overlaps(o.EffectiveFrom, o.EffectiveTo))
                .OrderBy(o => o.EffectiveFrom)
                .ToList();
            result.AddRange(Split(rule, mine));
        }

        return result;
    }

    /// <summary>The rule versions in force on <paramref name="date"/> (one per rule id) after applying the overrides.</summary>
    public static IReadOnlyList<ObligationRule> InForceOn(
        IEnumerable<ObligationRule> defaults,
        IEnumerable<ObligationOverride> overrides,
        DateOnly date,
        Violations violations,
        string prefix = "overrides") =>
        Apply(defaults, overrides, violations, prefix).Where(r => r.InForceOn(date)).ToList();

    private static void Check(
        ObligationOverride candidate, string prefix, List<ObligationRule> rules, List<ObligationOverride> accepted, Violations violations)
    {
        violations.Text(prefix + "source", candidate.Source, MaxSourceLength, required: true);
        if (candidate.EffectiveTo < candidate.EffectiveFrom)
        {
            violations.Add(prefix + "effective_to", "must not be before effective_from");
            return;
        }

        if (candidate.MinCount is null && candidate.Frequency is null && candidate.Quorum is null)
        {
            violations.Add(prefix + "rule_id", "an override must change min_count, frequency or quorum");
            return;
        }

        var versions = rules.Where(r => r.Id == candidate.RuleId).ToList();
        if (versions.Count == 0)
        {
            violations.Add(prefix + "rule_id", $"there is no rule '{candidate.RuleId}'");
            return;
        }

        var overlapped = versions.Where(r => r.Overlaps(candidate.EffectiveFrom, candidate.EffectiveTo)).ToList();
        if (overlapped.Count == 0)
        {
            violations.Add(prefix + "effective_from", $"rule '{candidate.RuleId}' is not in force on any of these dates");
            return;
        }

        if (accepted.Any(o => o.RuleId == candidate.RuleId
                && o.EffectiveFrom <= (candidate.EffectiveTo ?? DateOnly.MaxValue)
                && candidate.EffectiveFrom <= (o.EffectiveTo ?? DateOnly.MaxValue)))
        {
            violations.Add(prefix + "effective_from", $"overlaps another override of rule '{candidate.RuleId}'");
            return;
        }

        // Shape first, every field at once; strictness only makes sense for well-formed values.
        var wellFormed = true;
        if (candidate.MinCount is < 1 or > MaxMinCount)
        {
            violations.Add(prefix + "min_count", $"must be between 1 and {MaxMinCount}");
            wellFormed = false;
        }

        if (candidate.Frequency is { } f && !f.IsDefinedFrequency())
        {
            violations.Add(prefix + "frequency", "must be Monthly, Quarterly or Yearly");
            wellFormed = false;
        }

        if (candidate.Quorum is { IsWellFormed: false })
        {
            violations.Add(prefix + "quorum", "must be a fraction above 0 and at most 1 of a named basis, and not 'more than all'");
            wellFormed = false;
        }

        if (!wellFormed)
        {
            return;
        }

        // Checked against every default version the override overlaps: it must tighten each of them.
        // Reported once: the first version it fails to tighten is reason enough.
        foreach (var rule in overlapped)
        {
            var before = violations.Items.Count;
            CheckStricter(candidate, prefix, rule, violations);
            if (violations.Items.Count > before)
            {
                return;
            }
        }
    }

    private static void CheckStricter(ObligationOverride candidate, string prefix, ObligationRule rule, Violations violations)
    {
        var frequency = candidate.Frequency ?? rule.Frequency;
        var minCount = candidate.MinCount ?? rule.MinCount;
        if (frequency.PeriodKind() > rule.Frequency.PeriodKind())
        {
            // A coarser period lets whole default periods pass empty (12 a year can all be in December).
            violations.Add(prefix + "frequency", $"must not be less frequent than the default ({rule.Frequency.DisplayName()})");
        }
        else
        {
            // Meeting the override in each of its k finer periods gives at least k × min_count per default period.
            var perDefaultPeriod = (long)minCount * (rule.Frequency.PeriodKind().Months() / frequency.PeriodKind().Months());
            if (perDefaultPeriod < rule.MinCount)
            {
                // Only reachable with a lower min_count: kept as is, a count over a finer period only adds up.
                violations.Add(prefix + "min_count", $"must add up to at least the default's {rule.MinCount} {rule.Frequency.DisplayName()}");
            }
        }

        if (frequency != rule.Frequency)
        {
            // A period is judged by the version in force on its last day, so an override of another
            // frequency starting mid-quarter would leave the quarter's first months judged by neither.
            var kind = rule.Frequency.PeriodKind();
            if (Period.Containing(candidate.EffectiveFrom, kind).Start != candidate.EffectiveFrom)
            {
                violations.Add(prefix + "effective_from", $"must be the first day of a period ({kind}) when the frequency changes");
            }

            if (candidate.EffectiveTo is { } to && Period.Containing(to, kind).End != to)
            {
                violations.Add(prefix + "effective_to", $"must be the last day of a period ({kind}) when the frequency changes");
            }
        }

        if (candidate.Quorum is not { } quorum)
        {
            return;
        }

        if (rule.Subject.Kind == SubjectKind.TalkPairs)
        {
            violations.Add(prefix + "quorum", "talks between two people have no quorum");
        }
        else if (rule.Quorum is { } current && quorum.Basis != current.Basis)
        {
            violations.Add(prefix + "quorum.basis", $"must stay {current.Basis}: quorums on different numbers cannot be compared");
        }
        else if (rule.Quorum is { } floor && !quorum.IsAtLeastAsStrictAs(floor))
        {
            violations.Add(prefix + "quorum", $"must be at least as strict as the default ({floor.DisplayName})");
        }
    }

    /// <summary>Cuts one default version into plain and overridden pieces; overrides are sorted and disjoint.</summary>
    private static IEnumerable<ObligationRule> Split(ObligationRule rule, List<ObligationOverride> overrides)
    {
        var cursor = rule.EffectiveFrom;
        var open = true; // false once the cursor would pass DateOnly.MaxValue
        foreach (var o in overrides)
        {
            var from = Max(rule.EffectiveFrom, o.EffectiveFrom);
            var to = Min(rule.LastDay, o.EffectiveTo ?? DateOnly.MaxValue);
            if (from > cursor)
            {
                yield return rule with { EffectiveFrom = cursor, EffectiveTo = from.AddDays(-1) };
            }

            yield return rule with
            {
                EffectiveFrom = from,
                EffectiveTo = to == DateOnly.MaxValue ? null : to,
                MinCount = o.MinCount ?? rule.MinCount,
                Frequency = o.Frequency ?? rule.Frequency,
                Quorum = o.Quorum ?? rule.Quorum,
                Source = o.Source,
            };

            if (to == DateOnly.MaxValue)
            {
                open = false;
                break;
            }

            cursor = to.AddDays(1);
        }

        if (open && cursor <= rule.LastDay)
        {
            yield return rule with { EffectiveFrom = cursor };
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
