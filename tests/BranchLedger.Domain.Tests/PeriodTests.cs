using BranchLedger.Domain.Periods;

namespace BranchLedger.Domain.Tests;

public class PeriodTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData(2024, 29)] // divisible by 4
    [InlineData(2000, 29)] // divisible by 400
    [InlineData(2025, 28)]
    [InlineData(2100, 28)] // divisible by 100, not 400
    public void February_ends_on_the_leap_day_only_in_leap_years(int year, int lastDay)
    {
        var february = Period.Month(year, 2);
        Assert.Equal(D(year, 2, 1), february.Start);
        Assert.Equal(D(year, 2, lastDay), february.End);
        Assert.Equal(lastDay == 29, february.Contains(D(year, 2, 28).AddDays(1)));
    }

    [Theory]
    [InlineData(1, 1, 1, 3, 31)]
    [InlineData(2, 4, 1, 6, 30)]
    [InlineData(3, 7, 1, 9, 30)]
    [InlineData(4, 10, 1, 12, 31)]
    public void Quarters_span_three_calendar_months(int q, int startMonth, int startDay, int endMonth, int endDay)
    {
        var quarter = Period.Quarter(2026, q);
        Assert.Equal(D(2026, startMonth, startDay), quarter.Start);
        Assert.Equal(D(2026, endMonth, endDay), quarter.End);
    }

    [Fact]
    public void March_31_and_April_1_fall_in_different_months_and_quarters()
    {
        Assert.True(Period.Quarter(2026, 1).Contains(D(2026, 3, 31)));
        Assert.False(Period.Quarter(2026, 1).Contains(D(2026, 4, 1)));
        Assert.True(Period.Quarter(2026, 2).Contains(D(2026, 4, 1)));
        Assert.False(Period.Month(2026, 3).Contains(D(2026, 4, 1)));
        Assert.Equal(Period.Quarter(2026, 1), Period.Containing(D(2026, 3, 31), PeriodKind.Quarter));
        Assert.Equal(Period.Quarter(2026, 2), Period.Containing(D(2026, 4, 1), PeriodKind.Quarter));
    }

    [Fact]
    public void December_31_and_January_1_fall_in_different_years()
    {
        Assert.True(Period.Year(2025).Contains(D(2025, 12, 31)));
        Assert.False(Period.Year(2025).Contains(D(2026, 1, 1)));
        Assert.False(Period.Year(2025).Contains(D(2024, 12, 31)));
        Assert.Equal(Period.Quarter(2025, 4), Period.Containing(D(2025, 12, 31), PeriodKind.Quarter));
        Assert.Equal(Period.Month(2026, 1), Period.Containing(D(2026, 1, 1), PeriodKind.Month));
        Assert.Equal(Period.Year(2026), Period.Containing(D(2026, 1, 1), PeriodKind.Year));
    }

    [Fact]
    public void A_year_is_made_of_twelve_months_and_four_quarters()
    {
        var months = Period.Year(2026).SubPeriods(PeriodKind.Month);
        Assert.Equal(12, months.Count);
        Assert.Equal(Enumerable.Range(1, 12).Select(m => Period.Month(2026, m)), months);

        var quarters = Period.Year(2026).SubPeriods(PeriodKind.Quarter);
        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], quarters.Select(q => q.ToString()));
    }

    [Fact]
    public void A_quarter_is_made_of_its_three_months()
    {
        Assert.Equal(["2026-04", "2026-05", "2026-06"], Period.Quarter(2026, 2).SubPeriods(PeriodKind.Month).Select(m => m.ToString()));
        Assert.Equal([Period.Quarter(2026, 2)], Period.Quarter(2026, 2).SubPeriods(PeriodKind.Quarter));
    }

    [Theory]
    [InlineData("2024", PeriodKind.Month)]
    [InlineData("2024", PeriodKind.Quarter)]
    [InlineData("2024-Q1", PeriodKind.Month)]
    public void Sub_periods_tile_their_parent_without_gaps(string text, PeriodKind kind)
    {
        var parent = Period.Parse(text);
        var parts = parent.SubPeriods(kind);
        Assert.Equal(parent.Start, parts[0].Start);
        Assert.Equal(parent.End, parts[^1].End);
        for (var i = 1; i < parts.Count; i++)
        {
            Assert.Equal(parts[i - 1].End.AddDays(1), parts[i].Start);
        }

        Assert.Equal(parent.End.DayNumber - parent.Start.DayNumber + 1, parts.Sum(p => p.End.DayNumber - p.Start.DayNumber + 1));
    }

    [Fact]
    public void A_period_cannot_be_divided_into_longer_periods()
    {
        Assert.Throws<ArgumentException>(() => Period.Month(2026, 1).SubPeriods(PeriodKind.Quarter));
        Assert.Throws<ArgumentException>(() => Period.Quarter(2026, 1).SubPeriods(PeriodKind.Year));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Year(2026).SubPeriods(PeriodKind.Unspecified));
    }

    [Fact]
    public void A_period_closes_the_day_after_its_last_day()
    {
        var march = Period.Month(2026, 3);
        Assert.False(march.IsClosed(D(2026, 3, 1)));
        Assert.False(march.IsClosed(D(2026, 3, 31)));
        Assert.True(march.IsClosed(D(2026, 4, 1)));
        Assert.False(Period.Year(2025).IsClosed(D(2025, 12, 31)));
        Assert.True(Period.Year(2025).IsClosed(D(2026, 1, 1)));
    }

    [Theory]
    [InlineData("2026", PeriodKind.Year, 2026, 1)]
    [InlineData("2026-Q1", PeriodKind.Quarter, 2026, 1)]
    [InlineData("2026-Q4", PeriodKind.Quarter, 2026, 4)]
    [InlineData("2026-03", PeriodKind.Month, 2026, 3)]
    [InlineData("2026-12", PeriodKind.Month, 2026, 12)]
    [InlineData("0001", PeriodKind.Year, 1, 1)]
    [InlineData("9999-12", PeriodKind.Month, 9999, 12)]
    public void Canonical_forms_parse_and_print_back_unchanged(string text, PeriodKind kind, int year, int number)
    {
        var period = Period.Parse(text);
        Assert.Equal(kind, period.Kind);
        Assert.Equal(year, period.CalendarYear);
        Assert.Equal(number, period.Number);
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("26")]
    [InlineData("0000")]
    [InlineData("2026-3")]
    [InlineData("2026-q1")]
    [InlineData("2026-Q0")]
    [InlineData("2026-Q5")]
    [InlineData("2026-00")]
    [InlineData("2026-13")]
    [InlineData("2026/03")]
    [InlineData(" 2026")]
    [InlineData("2026-03 ")]
    [InlineData("2026-03-01")]
    [InlineData("２０２６")]
    [InlineData("-202")]
    public void Other_spellings_are_refused(string? text)
    {
        Assert.False(Period.TryParse(text, out var period));
        Assert.Null(period);
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => Period.Parse(text));
        }
    }

    [Fact]
    public void Periods_are_equal_by_value()
    {
        Assert.Equal(Period.Month(2026, 3), Period.Parse("2026-03"));
        Assert.Equal(Period.Month(2026, 3).GetHashCode(), Period.Parse("2026-03").GetHashCode());
        Assert.NotEqual(Period.Month(2026, 1), Period.Quarter(2026, 1));
        Assert.NotEqual(Period.Quarter(2026, 1), Period.Year(2026));
        Assert.NotEqual(Period.Month(2026, 3), Period.Month(2025, 3));
        Assert.Single(new HashSet<Period> { Period.Year(2026), Period.Parse("2026") });
    }

    [Fact]
    public void Out_of_range_parts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Month(2026, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Month(2026, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Quarter(2026, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Year(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Year(10000));
    }

    [Fact]
    public void Display_names_are_the_Chinese_report_forms()
    {
        Assert.Equal("2026年", Period.Year(2026).DisplayName);
        Assert.Equal("2026年第一季度", Period.Quarter(2026, 1).DisplayName);
        Assert.Equal("2026年第四季度", Period.Quarter(2026, 4).DisplayName);
        Assert.Equal("2026年3月", Period.Month(2026, 3).DisplayName);
    }

    [Fact]
    public void The_last_period_of_the_calendar_has_an_end()
    {
        Assert.Equal(DateOnly.MaxValue, Period.Year(9999).End);
        Assert.Equal(DateOnly.MaxValue, Period.Month(9999, 12).End);
    }
}
