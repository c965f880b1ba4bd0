using System.Runtime.CompilerServices;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Scoring;

/// <summary>
/// Scores a branch or an organisation for a month, quarter or year from its records and a rubric
/// version. Pure: the same rubric and facts always give the same sheet. Only obligations met and
/// outcomes count, each capped at its target: meetings beyond what is required earn nothing, and there
/// are no member-level scores.
/// </summary>
public static class Scorer
{
    /// <summary>
    /// The score sheet of <paramref name="facts"/> under <paramref name="rubric"/>.
    /// </summary>
    /// <remarks>
    /// <para><b>Rules.</b> LinearToTarget: weight × min(raw / target, 1). Threshold: the weight when
    /// raw ≥ target, else 0. DeductionPerMiss: max(weight − perMiss × misses, floor), floor 0 when absent.
    /// Each indicator's points are rounded to 2 decimals, half away from zero (四舍五入).</para>
    /// <para><b>Not assessable, re-normalised.</b> An indicator is not assessable when it applies to the
    /// other kind of node, when its measure has nothing to judge (no obligation period decided, no duty
    /// item or finding due, no talk roster), or when a yearly outcome (brands, honours) is asked about
    /// for a month or quarter. It then earns nothing and its weight leaves the denominator:
    /// Total = round(100 × Σ points / Σ weights of the assessable indicators, 2, half away from zero).
    /// So branches and organisations of different shapes, and periods early in a year, stay comparable
    /// on the same 0–100 scale. Miss counts are always assessable: a base-100 sheet starts full and only
    /// misses deduct. With no assessable indicator there is no total and no grade.</para>
    /// <para><b>Obligations.</b> A period is judged once decided: met (even before it closes) or missed
    /// (closed unmet); periods still Due are not judged yet. Talk coverage pools the decided years' pairs.</para>
    /// <para><b>On time.</b> A duty item is judged in the period containing its due day: on time when
    /// reported done on or before that day; late when that day has passed (due &lt; today) and it was not
    /// done by then, even if done since; otherwise (not done, not yet past due) it is not judged yet.
    /// A finding is judged the same way by its deadline and the date of the closure in force, so a
    /// re-check that reopens it takes the credit back; ongoing findings (长期坚持) and findings without a
    /// deadline are never judged. "Overdue" counts the late ones.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">when the rubric does not pass <see cref="RubricRules.Check"/> or the scope is not set.</exception>
    public static ScoreSheet Score(Rubric rubric, ScoringFacts facts)
    {
        CheckOnce(rubric);

        if (facts.Scope is not (ObligationScope.Branch or ObligationScope.Organisation))
        {
            throw new ArgumentException("the node must be a branch or an organisation", nameof(facts));
        }

        var indicators = new List<IndicatorScore>();
        var categories = new List<CategoryScore>();
        foreach (var category in rubric.Categories)
        {
            var mine = category.Indicators.Select(i => ScoreIndicator(category.Id, i, facts)).ToList();
            indicators.AddRange(mine);
            var scored = mine.Where(i => i.Assessable).ToList();
            categories.Add(new CategoryScore(
                category.Id, category.Name, scored.Sum(i => i.Points), scored.Sum(i => i.MaxPoints), mine.Sum(i => i.MaxPoints)));
        }

        var earned = categories.Sum(c => c.Points);
        var assessable = categories.Sum(c => c.AssessableWeight);
        decimal? total = assessable == 0 ? null : Round(100m * earned / assessable);
        var grade = total is { } t ? rubric.GradeOf(t) : null;
        return new ScoreSheet(
            rubric.Id, rubric.Version, facts.Period, facts.Today, facts.Scope, total, grade, earned, assessable, categories, indicators);
    }

    // A rubric is checked once per instance, not on every score: a ledger scores six periods after
    // each write with the same parsed rubric, and the check cost as much as the scoring. Rubrics are
    // immutable records, so a checked instance stays valid.
    private static readonly ConditionalWeakTable<Rubric, object> Valid = [];

    private static void CheckOnce(Rubric rubric)
    {
        if (Valid.TryGetValue(rubric, out _))
        {
            return;
        }

        var problems = RubricRules.Check(rubric, new Violations());
        if (!problems.IsEmpty)
        {
            var first = problems.Items[0];
            throw new ArgumentException(
                $"the rubric is not valid ({problems.Items.Count} problems, first: {first.Field} {first.Description})", nameof(rubric));
        }

        Valid.AddOrUpdate(rubric, Valid);
    }

    /// <summary>Rounds a score to 2 decimals, half away from zero — the way score sheets are read (四舍五入).</summary>
    public static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    private static IndicatorScore ScoreIndicator(string categoryId, RubricIndicator indicator, ScoringFacts facts)
    {
        var spec = Measures.Spec(indicator.Measure)
            ?? throw new ArgumentException($"unknown measure '{indicator.Measure}'", nameof(indicator));
        var result = InScope(indicator.AppliesTo, facts.Scope)
            ? MeasureEvaluator.Evaluate(spec, facts)
            : MeasureResult.Not(IndicatorStatus.OutOfScope);
        var scored = result.Status == IndicatorStatus.Scored;
        var raw = !scored ? 0d : result.Denominator is { } d ? (double)result.Numerator / d : result.Numerator;
        return new IndicatorScore(
            indicator.Id,
            categoryId,
            indicator.Name,
            indicator.Measure,
            spec.Kind,
            indicator.Rule,
            result.Status,
            raw,
            result.Numerator,
            result.Denominator,
            indicator.Target,
            scored ? Round(Points(indicator, result.Numerator, result.Denominator ?? 1)) : 0m,
            indicator.Weight,
            result.Sequences,
            result.Misses);
    }

    /// <summary>Unrounded points; a rate is compared as numerator against target × denominator, so 9 of 10 meets a target of 0.9 exactly.</summary>
    private static decimal Points(RubricIndicator indicator, int numerator, int denominator) => indicator.Rule switch
    {
        ScoringRule.LinearToTarget => indicator.Weight * Math.Min(numerator / (indicator.Target!.Value * denominator), 1m),
        ScoringRule.Threshold => numerator >= indicator.Target!.Value * denominator ? indicator.Weight : 0m,
        ScoringRule.DeductionPerMiss => Math.Max(indicator.Weight - (indicator.PerMiss!.Value * numerator), indicator.Floor ?? 0m),
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator.Rule, "unknown scoring rule"),
    };

    private static bool InScope(IndicatorScope appliesTo, ObligationScope node) => appliesTo switch
    {
        IndicatorScope.Both => true,
        IndicatorScope.Branch => node == ObligationScope.Branch,
        IndicatorScope.Organisation => node == ObligationScope.Organisation,
        _ => false,
    };
}
