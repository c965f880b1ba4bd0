using BranchLedger.Domain;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Rankings;

/// <summary>What a pushed score or withdrawal must look like before it is routed to any shard.</summary>
public static class RankingChecks
{
    /// <summary>The most indicators one score may carry.</summary>
    public const int MaxIndicators = 200;

    /// <summary>Everything wrong with the score (empty when it is fine).</summary>
    public static IReadOnlyList<string> Problems(BranchScore score)
    {
        var problems = Common(score.Tenant, score.NodeId, score.Period, score.RubricVersion);
        if (score.ParentId.Length > 0 && !Identifiers.IsSlug(score.ParentId))
        {
            problems.Add($"parent id '{score.ParentId}' is not a slug");
        }

        if (!double.IsFinite(score.Total) || score.Total is < 0 or > 100)
        {
            problems.Add($"total {score.Total} is not between 0 and 100");
        }

        Text(problems, "display name", score.DisplayName, 200);
        Text(problems, "grade", score.Grade, 50);
        if (score.Version < 0)
        {
            problems.Add("version must not be negative");
        }

        if (score.Indicators.Count > MaxIndicators)
        {
            problems.Add($"at most {MaxIndicators} indicators (got {score.Indicators.Count})");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var indicator in score.Indicators)
        {
            if (!RankingKeys.IsIndicatorId(indicator.IndicatorId))
            {
                problems.Add($"indicator id '{indicator.IndicatorId}' is not valid");
            }
            else if (!seen.Add(indicator.IndicatorId))
            {
                problems.Add($"indicator '{indicator.IndicatorId}' appears twice");
            }

            if (!double.IsFinite(indicator.Raw) || !double.IsFinite(indicator.Points) || !double.IsFinite(indicator.MaxPoints) || indicator.MaxPoints < 0)
            {
                problems.Add($"indicator '{indicator.IndicatorId}' needs finite values and maximum points of at least 0");
            }
        }

        return problems;
    }

    /// <summary>Everything wrong with the withdrawal (empty when it is fine).</summary>
    public static IReadOnlyList<string> Problems(BranchRemoval removal) =>
        Common(removal.Tenant, removal.NodeId, removal.Period, removal.RubricVersion);

    /// <summary>Throws <see cref="ArgumentException"/> naming every problem of the score.</summary>
    public static void ThrowIfInvalid(BranchScore score) => Throw(Problems(score), $"{score.Tenant}/{score.NodeId}");

    /// <summary>Throws <see cref="ArgumentException"/> naming every problem of the withdrawal.</summary>
    public static void ThrowIfInvalid(BranchRemoval removal) => Throw(Problems(removal), $"{removal.Tenant}/{removal.NodeId}");

    private static void Throw(IReadOnlyList<string> problems, string subject)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The ranking push for '{subject}' is invalid: {string.Join("; ", problems)}.");
        }
    }

    private static List<string> Common(string tenant, string nodeId, string period, string rubricVersion)
    {
        var problems = new List<string>();
        if (!Identifiers.IsSlug(tenant ?? ""))
        {
            problems.Add($"tenant '{tenant}' is not a slug");
        }

        if (!Identifiers.IsSlug(nodeId ?? ""))
        {
            problems.Add($"node id '{nodeId}' is not a slug");
        }

        if (!RankingKeys.IsPeriod(period))
        {
            problems.Add($"period '{period}' is not YYYY, YYYY-Qn or YYYY-MM");
        }

        if (!RankingKeys.IsRubricVersion(rubricVersion))
        {
            problems.Add($"rubric version '{rubricVersion}' is not valid");
        }

        return problems;
    }

    private static void Text(List<string> problems, string what, string value, int max)
    {
        if (value.Length > max || (value.Length > 0 && !TextRules.IsStorable(value)))
        {
            problems.Add($"{what} must be at most {max} printable characters");
        }
    }
}
