using System.Globalization;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Scoring;

/// <summary>
/// What makes a rubric publishable. Every problem is reported at once, with field paths in the names of
/// the JSON format (<c>rubric.categories[0].indicators[2].target</c>), so a supervisor can fix an
/// imported file in one pass.
/// </summary>
public static class RubricRules
{
    /// <summary>Longest rubric, category and indicator name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest category description.</summary>
    public const int MaxDescriptionLength = 2000;

    /// <summary>Longest grade band name.</summary>
    public const int MaxBandNameLength = 50;

    /// <summary>Most categories in a rubric.</summary>
    public const int MaxCategories = 20;

    /// <summary>Most indicators in a rubric, all categories together.</summary>
    public const int MaxIndicators = 100;

    /// <summary>Most grade bands.</summary>
    public const int MaxGradeBands = 10;

    /// <summary>Highest target of a count measure; more is a typing error.</summary>
    public const decimal MaxCountTarget = 1000m;

    /// <summary>What the weights of a rubric add up to.</summary>
    public const decimal TotalWeight = 100m;

    /// <summary>Adds every problem of <paramref name="rubric"/> to <paramref name="violations"/> (nothing when it is valid).</summary>
    public static Violations Check(Rubric rubric, Violations violations, string prefix = "rubric")
    {
        violations.Slug(prefix + ".id", rubric.Id);
        if (rubric.Version < 1)
        {
            violations.Add(prefix + ".version", "must be at least 1");
        }

        violations.Text(prefix + ".name", rubric.Name, MaxNameLength, required: true);
        CheckCategories(rubric.Categories, violations, prefix);
        CheckBands(rubric.GradeBands, violations, prefix + ".gradeBands");
        return violations;
    }

    /// <summary>True when <paramref name="rubric"/> has no problems.</summary>
    public static bool IsValid(Rubric rubric) => Check(rubric, new Violations()).IsEmpty;

    private static void CheckCategories(IReadOnlyList<RubricCategory>? categories, Violations violations, string prefix)
    {
        var field = prefix + ".categories";
        if (categories is null || categories.Count == 0)
        {
            violations.Add(field, "must list at least one category");
            return;
        }

        if (categories.Count > MaxCategories)
        {
            violations.Add(field, $"must list at most {MaxCategories} categories");
        }

        var categoryIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var indicatorIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var total = 0m;
        var weightsValid = true;
        var count = 0;
        for (var i = 0; i < categories.Count; i++)
        {
            var path = $"{field}[{i}]";
            var category = categories[i];
            if (category is null)
            {
                violations.Add(path, "is required");
                continue;
            }

            violations.Slug(path + ".id", category.Id);
            if (category.Id is not null && !categoryIds.TryAdd(category.Id, i))
            {
                violations.Add(path + ".id", $"repeats the id of {field}[{categoryIds[category.Id]}]");
            }

            violations.Text(path + ".name", category.Name, MaxNameLength, required: true);
            violations.Text(path + ".description", category.Description, MaxDescriptionLength, required: false);
            if (category.Indicators is null || category.Indicators.Count == 0)
            {
                violations.Add(path + ".indicators", "must list at least one indicator");
                continue;
            }

            for (var j = 0; j < category.Indicators.Count; j++)
            {
                var indicatorPath = $"{path}.indicators[{j}]";
                var indicator = category.Indicators[j];
                if (indicator is null)
                {
                    violations.Add(indicatorPath, "is required");
                    weightsValid = false;
                    continue;
                }

                if (indicator.Id is not null && !indicatorIds.TryAdd(indicator.Id, indicatorPath))
                {
                    violations.Add(indicatorPath + ".id", $"repeats the id of {indicatorIds[indicator.Id]}");
                }

                weightsValid &= CheckIndicator(indicator, violations, indicatorPath);
                total += indicator.Weight;
                count++;
            }
        }

        if (count > MaxIndicators)
        {
            violations.Add(field, $"must hold at most {MaxIndicators} indicators in all (got {count})");
        }

        // A sum over broken weights would only repeat their violations in other words.
        if (weightsValid && total != TotalWeight)
        {
            violations.Add(field, $"the weights of all indicators must add up to exactly 100 (they add up to {Show(total)})");
        }
    }

    /// <summary>Checks one indicator; returns false when its weight is unusable.</summary>
    private static bool CheckIndicator(RubricIndicator indicator, Violations violations, string path)
    {
        violations.Slug(path + ".id", indicator.Id);
        violations.Text(path + ".name", indicator.Name, MaxNameLength, required: true);
        var weightValid = Positive(violations, path + ".weight", indicator.Weight, TotalWeight);

        var kind = Measures.KindOf(indicator.Measure);
        if (string.IsNullOrEmpty(indicator.Measure))
        {
            violations.Add(path + ".measure", "is required");
        }
        else if (kind == MeasureKind.Unspecified)
        {
            violations.Add(path + ".measure", $"'{indicator.Measure}' is not a known measure (e.g. obligation-rate:theme-day, duty-on-time-rate, findings-overdue)");
        }

        if (indicator.AppliesTo is not (IndicatorScope.Branch or IndicatorScope.Organisation or IndicatorScope.Both))
        {
            violations.Add(path + ".appliesTo", "must be branch, organisation or both");
        }

        switch (indicator.Rule)
        {
            case ScoringRule.LinearToTarget or ScoringRule.Threshold:
                if (kind == MeasureKind.MissCount)
                {
                    violations.Add(path + ".rule", "a measure that counts misses can only be scored by deductionPerMiss");
                }

                CheckTarget(indicator.Target, kind, violations, path + ".target");
                Absent(violations, path + ".perMiss", indicator.PerMiss);
                Absent(violations, path + ".floor", indicator.Floor);
                break;
            case ScoringRule.DeductionPerMiss:
                if (kind is MeasureKind.Rate or MeasureKind.Count)
                {
                    violations.Add(path + ".rule", "deductionPerMiss needs a measure that counts misses (obligation-missed:…, duty-overdue, findings-overdue)");
                }

                Absent(violations, path + ".target", indicator.Target);
                CheckDeduction(indicator, weightValid, violations, path);
                break;
            default:
                violations.Add(path + ".rule", "must be linearToTarget, threshold or deductionPerMiss");
                break;
        }

        return weightValid;
    }

    private static void CheckTarget(decimal? target, MeasureKind kind, Violations violations, string field)
    {
        if (target is not { } value)
        {
            violations.Add(field, "is required for linearToTarget and threshold");
        }
        else if (value <= 0)
        {
            violations.Add(field, "must be greater than 0");
        }
        else if (kind == MeasureKind.Rate && value > 1)
        {
            violations.Add(field, "must be at most 1: the measure is a rate");
        }
        else if (value > MaxCountTarget)
        {
            violations.Add(field, $"must be at most {Show(MaxCountTarget)}");
        }
    }

    private static void CheckDeduction(RubricIndicator indicator, bool weightValid, Violations violations, string path)
    {
        if (indicator.PerMiss is not { } perMiss)
        {
            violations.Add(path + ".perMiss", "is required for deductionPerMiss");
        }
        else if (Positive(violations, path + ".perMiss", perMiss, TotalWeight) && weightValid && perMiss > indicator.Weight)
        {
            violations.Add(path + ".perMiss", "must not exceed the weight");
        }

        if (indicator.Floor is not { } floor)
        {
            return;
        }

        if (floor < 0)
        {
            violations.Add(path + ".floor", "must not be negative");
        }
        else if (weightValid && floor >= indicator.Weight)
        {
            violations.Add(path + ".floor", "must be below the weight");
        }
        else if (decimal.Round(floor, 2) != floor)
        {
            violations.Add(path + ".floor", "must have at most 2 decimal places");
        }
    }

    private static void CheckBands(IReadOnlyList<GradeBand>? bands, Violations violations, string field)
    {
        if (bands is null || bands.Count == 0)
        {
            violations.Add(field, "must list at least one grade band");
            return;
        }

        if (bands.Count > MaxGradeBands)
        {
            violations.Add(field, $"must list at most {MaxGradeBands} grade bands");
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        decimal? previous = null;
        for (var k = 0; k < bands.Count; k++)
        {
            var path = $"{field}[{k}]";
            var band = bands[k];
            if (band is null)
            {
                violations.Add(path, "is required");
                continue;
            }

            violations.Slug(path + ".id", band.Id);
            if (band.Id is not null && !ids.TryAdd(band.Id, k))
            {
                violations.Add(path + ".id", $"repeats the id of {field}[{ids[band.Id]}]");
            }

            violations.Text(path + ".name", band.Name, MaxBandNameLength, required: true);
            if (band.MinScore is < 0 or > 100)
            {
                violations.Add(path + ".minScore", "must be between 0 and 100");
            }
            else if (decimal.Round(band.MinScore, 2) != band.MinScore)
            {
                violations.Add(path + ".minScore", "must have at most 2 decimal places");
            }
            else if (previous is { } higher && band.MinScore >= higher)
            {
                violations.Add(path + ".minScore", $"must be below the minScore of the band before it ({Show(higher)}): bands are listed highest first");
            }

            previous = band.MinScore;
        }

        if (bands[^1] is { MinScore: > 0 and <= 100 })
        {
            violations.Add($"{field}[{bands.Count - 1}].minScore", "the last band must start at 0, so that every total has a grade");
        }
    }

    private static bool Positive(Violations violations, string field, decimal value, decimal max)
    {
        if (value <= 0)
        {
            violations.Add(field, "must be greater than 0");
            return false;
        }

        if (value > max)
        {
            violations.Add(field, $"must be at most {Show(max)}");
            return false;
        }

        if (decimal.Round(value, 2) != value)
        {
            violations.Add(field, "must have at most 2 decimal places");
            return false;
        }

        return true;
    }

    private static void Absent(Violations violations, string field, decimal? value)
    {
        if (value is not null)
        {
            violations.Add(field, "is not used by this rule; leave it out");
        }
    }

    private static string Show(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
