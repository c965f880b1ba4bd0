using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace BranchLedger.Domain.Periods;

/// <summary>
/// A calendar month, quarter or year: the unit obligations are counted in. Immutable, compared by
/// value, and written in one canonical form ("2026", "2026-Q1", "2026-03") so it can be a key.
/// Days are calendar days in the tenant's time zone (see <see cref="TenantCalendar"/>).
/// </summary>
public sealed record Period
{
    private static readonly string[] ChineseQuarters = ["一", "二", "三", "四"];

    private Period(PeriodKind kind, int year, int number)
    {
        Kind = kind;
        CalendarYear = year;
        Number = number;
    }

    /// <summary>Month, quarter or year.</summary>
    public PeriodKind Kind { get; }

    /// <summary>The calendar year (1–9999). (Not <c>Year</c>: that name is the factory.)</summary>
    public int CalendarYear { get; }

    /// <summary>The month (1–12) or quarter (1–4) within the year; 1 for a year.</summary>
    public int Number { get; }

    /// <summary>The first day (inclusive).</summary>
    public DateOnly Start => new(CalendarYear, FirstMonth, 1);

    /// <summary>The last day (inclusive).</summary>
    public DateOnly End
    {
        get
        {
            var lastMonth = FirstMonth + Kind.Months() - 1;
            return new DateOnly(CalendarYear, lastMonth, DateTime.DaysInMonth(CalendarYear, lastMonth));
        }
    }

    private int FirstMonth => Kind switch
    {
        PeriodKind.Month => Number,
        PeriodKind.Quarter => ((Number - 1) * 3) + 1,
        _ => 1,
    };

    /// <summary>The calendar month <paramref name="month"/> of <paramref name="year"/>.</summary>
    public static Period Month(int year, int month)
    {
        CheckYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return new Period(PeriodKind.Month, year, month);
    }

    /// <summary>Quarter <paramref name="quarter"/> (1–4) of <paramref name="year"/>.</summary>
    public static Period Quarter(int year, int quarter)
    {
        CheckYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return new Period(PeriodKind.Quarter, year, quarter);
    }

    /// <summary>The calendar year <paramref name="year"/>.</summary>
    public static Period Year(int year)
    {
        CheckYear(year);
        return new Period(PeriodKind.Year, year, 1);
    }

    /// <summary>A year, then its four quarters, then its twelve months.</summary>
    public static IEnumerable<Period> YearAndParts(int year) =>
        [Year(year), .. Enumerable.Range(1, 4).Select(q => Quarter(year, q)), .. Enumerable.Range(1, 12).Select(m => Month(year, m))];

    /// <summary>The period of the given kind that contains <paramref name="date"/>.</summary>
    public static Period Containing(DateOnly date, PeriodKind kind) => kind switch
    {
        PeriodKind.Month => Month(date.Year, date.Month),
        PeriodKind.Quarter => Quarter(date.Year, ((date.Month - 1) / 3) + 1),
        PeriodKind.Year => Year(date.Year),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "must be Month, Quarter or Year"),
    };

    /// <summary>True when <paramref name="date"/> falls on or between <see cref="Start"/> and <see cref="End"/>.</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>
    /// True once the period is over: <paramref name="today"/> is after its last day. Only then can an
    /// obligation be missed — until the last day has passed there is still time.
    /// </summary>
    public bool IsClosed(DateOnly today) => today > End;

    /// <summary>
    /// The periods of <paramref name="kind"/> this one is made of, in order: a year has 12 months or
    /// 4 quarters, a quarter 3 months; a period of its own kind is just itself.
    /// </summary>
    /// <exception cref="ArgumentException">when <paramref name="kind"/> is longer than this period's kind.</exception>
    public IReadOnlyList<Period> SubPeriods(PeriodKind kind)
    {
        if (!kind.IsDefinedKind())
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "must be Month, Quarter or Year");
        }

        if (kind > Kind)
        {
            throw new ArgumentException($"a {Kind} cannot be divided into {kind}s", nameof(kind));
        }

        var result = new List<Period>();
        for (var month = FirstMonth; month < FirstMonth + Kind.Months(); month += kind.Months())
        {
            result.Add(Containing(new DateOnly(CalendarYear, month, 1), kind));
        }

        return result;
    }

    /// <summary>The canonical form: "2026", "2026-Q1" or "2026-03".</summary>
    public override string ToString() => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{CalendarYear:D4}-{Number:D2}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{CalendarYear:D4}-Q{Number}"),
        _ => CalendarYear.ToString("D4", CultureInfo.InvariantCulture),
    };

    /// <summary>The period as a Chinese report writes it: "2026年", "2026年第一季度", "2026年3月".</summary>
    public string DisplayName => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{CalendarYear}年{Number}月"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{CalendarYear}年第{ChineseQuarters[Number - 1]}季度"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{CalendarYear}年"),
    };

    /// <summary>Reads a canonical form ("2026", "2026-Q1", "2026-03").</summary>
    /// <exception cref="FormatException">when <paramref name="text"/> is not one of them.</exception>
    public static Period Parse(string text) =>
        TryParse(text, out var period)
            ? period
            : throw new FormatException($"'{text}' is not a period: expected YYYY, YYYY-Qn or YYYY-MM");

    /// <summary>
    /// Reads a canonical form only — no other spellings — so that every period has exactly one
    /// textual key (e.g. "2026-3" and "2026-q1" are refused).
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Period? period)
    {
        period = null;
        if (text is null || text.Length is not (4 or 7) || !TryDigits(text.AsSpan(0, 4), out var year) || year < 1)
        {
            return false;
        }

        if (text.Length == 4)
        {
            period = Year(year);
            return true;
        }

        if (text[4] != '-')
        {
            return false;
        }

        if (text[5] == 'Q')
        {
            if (text[6] is >= '1' and <= '4')
            {
                period = Quarter(year, text[6] - '0');
                return true;
            }

            return false;
        }

        if (TryDigits(text.AsSpan(5, 2), out var month) && month is >= 1 and <= 12)
        {
            period = Month(year, month);
            return true;
        }

        return false;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static void CheckYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
    }
}
