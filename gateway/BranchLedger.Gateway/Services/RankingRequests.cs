using BranchLedger.Api.V1;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Gateway.Services;

/// <summary>The checks RankingService requests share; each adds a field violation and never throws.</summary>
internal static class RankingRequests
{
    public const int MaxNameContains = 100;
    public const int MaxCompared = 10;
    public const int MaxTrendPoints = 36;
    public const int DefaultTopN = 10;
    public const int MaxTopN = 100;

    public static void Period(Violations violations, string field, string value)
    {
        if (value.Length == 0)
        {
            violations.Add(field, "is required");
        }
        else if (!RankingKeys.IsPeriod(value))
        {
            violations.Add(field, "must be a year (2026), a quarter (2026-Q1) or a month (2026-03)");
        }
    }

    /// <summary>The indicator to rank by; null for the total.</summary>
    public static string? Indicator(Violations violations, string field, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (!RankingKeys.IsIndicatorId(value))
        {
            violations.Add(field, "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'");
        }

        return value;
    }

    /// <summary>The name filter; null for none.</summary>
    public static string? NameContains(Violations violations, string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        violations.Text(field, value, MaxNameContains, required: false);
        return value.Trim();
    }

    /// <summary>True for the tenant scope; unspecified means city-wide.</summary>
    public static bool IsTenantScope(Violations violations, string field, RankingScope scope)
    {
        if (scope is not (RankingScope.Unspecified or RankingScope.City or RankingScope.Tenant))
        {
            violations.Add(field, "must be RANKING_SCOPE_CITY or RANKING_SCOPE_TENANT");
        }

        return scope == RankingScope.Tenant;
    }

    /// <summary>The top N of a watched view: 1–100, 0 for the default.</summary>
    public static int TopN(Violations violations, string field, int value)
    {
        if (value is < 0 or > MaxTopN)
        {
            violations.Add(field, $"must be 1 to {MaxTopN} (0 for {DefaultTopN})");
        }

        return value == 0 ? DefaultTopN : value;
    }

    /// <summary>The periods of a trend, or an empty list when the range is invalid.</summary>
    public static IReadOnlyList<Domain.Periods.Period> TrendPeriods(Violations violations, RankingPeriodKind kind, string from, string to)
    {
        var periodKind = kind switch
        {
            RankingPeriodKind.Month => PeriodKind.Month,
            RankingPeriodKind.Quarter => PeriodKind.Quarter,
            RankingPeriodKind.Year => PeriodKind.Year,
            _ => PeriodKind.Unspecified,
        };
        if (periodKind == PeriodKind.Unspecified)
        {
            violations.Add("period_kind", "must be RANKING_PERIOD_KIND_MONTH, _QUARTER or _YEAR");
        }

        var first = Bound(violations, "from_period", from, periodKind);
        var last = Bound(violations, "to_period", to, periodKind);
        if (first is null || last is null)
        {
            return [];
        }

        if (last.Start < first.Start)
        {
            violations.Add("to_period", "must not come before from_period");
            return [];
        }

        if (Domain.Rankings.PeriodSeries.CountBetween(first, last) > MaxTrendPoints)
        {
            violations.Add("to_period", $"must be at most {MaxTrendPoints} periods from from_period");
            return [];
        }

        return Domain.Rankings.PeriodSeries.Between(first, last);
    }

    private static Domain.Periods.Period? Bound(Violations violations, string field, string value, PeriodKind kind)
    {
        Period(violations, field, value);
        if (!Domain.Periods.Period.TryParse(value, out var period))
        {
            return null;
        }

        if (kind != PeriodKind.Unspecified && period.Kind != kind)
        {
            violations.Add(field, $"must be a {kind.ToString().ToLowerInvariant()} like {Example(kind)}");
            return null;
        }

        return kind == PeriodKind.Unspecified ? null : period;
    }

    private static string Example(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => "2026-03",
        PeriodKind.Quarter => "2026-Q1",
        _ => "2026",
    };
}
