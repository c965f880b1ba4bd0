using BranchLedger.Domain.Periods;

namespace BranchLedger.Domain.Rankings;

/// <summary>Consecutive periods of one kind, for trends.</summary>
public static class PeriodSeries
{
    /// <summary>Every period from <paramref name="from"/> to <paramref name="to"/> inclusive, in order.</summary>
    /// <exception cref="ArgumentException">when the kinds differ or <paramref name="to"/> comes first.</exception>
    public static IReadOnlyList<Period> Between(Period from, Period to)
    {
        if (from.Kind != to.Kind)
        {
            throw new ArgumentException($"'{from}' and '{to}' are periods of different kinds", nameof(to));
        }

        if (to.Start < from.Start)
        {
            throw new ArgumentException($"'{to}' comes before '{from}'", nameof(to));
        }

        var periods = new List<Period>();
        for (var period = from; period.Start <= to.Start; period = Period.Containing(period.End.AddDays(1), from.Kind))
        {
            periods.Add(period);
            if (period.End.Year == 9999 && period.End.Month == 12 && period.End.Day == 31)
            {
                break;
            }
        }

        return periods;
    }

    /// <summary>How many periods <see cref="Between"/> would return (same kind, in order), without building them.</summary>
    public static int CountBetween(Period from, Period to)
    {
        var months = ((to.CalendarYear - from.CalendarYear) * 12) + (to.Start.Month - from.Start.Month);
        return (months / from.Kind.Months()) + 1;
    }
}
