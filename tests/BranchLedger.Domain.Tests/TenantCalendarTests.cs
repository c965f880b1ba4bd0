using BranchLedger.Domain.Periods;

namespace BranchLedger.Domain.Tests;

public class TenantCalendarTests
{
    [Fact]
    public void Beijing_midnight_is_four_pm_utc_the_day_before()
    {
        Assert.Equal(new DateOnly(2026, 3, 31), TenantCalendar.Today(new DateTimeOffset(2026, 3, 31, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 4, 1), TenantCalendar.Today(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_new_year_starts_eight_hours_earlier_in_Shanghai_than_in_utc()
    {
        var instant = new DateTimeOffset(2025, 12, 31, 16, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 1, 1), TenantCalendar.Today(instant, "Asia/Shanghai"));
        Assert.Equal(new DateOnly(2025, 12, 31), TenantCalendar.Today(instant, "Etc/UTC"));
    }

    [Fact]
    public void The_offset_of_the_instant_given_does_not_matter()
    {
        var utc = new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero);
        Assert.Equal(TenantCalendar.Today(utc), TenantCalendar.Today(utc.ToOffset(TimeSpan.FromHours(-10))));
    }

    [Fact]
    public void The_next_midnight_is_the_tenants_not_utcs()
    {
        // 15:00 UTC is 23:00 in Beijing: its midnight is an hour away, UTC's nine.
        var instant = new DateTimeOffset(2026, 3, 31, 15, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromHours(1), TenantCalendar.UntilNextMidnight(instant));
        Assert.Equal(TimeSpan.FromHours(9), TenantCalendar.UntilNextMidnight(instant, "Etc/UTC"));
        Assert.Equal(TimeSpan.FromHours(1), TenantCalendar.UntilNextMidnight(instant.ToOffset(TimeSpan.FromHours(-10))));
    }

    [Fact]
    public void At_midnight_the_next_one_is_a_day_away()
    {
        var midnight = new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero); // 1 April 00:00 in Beijing
        Assert.Equal(TimeSpan.FromDays(1), TenantCalendar.UntilNextMidnight(midnight));
        Assert.Equal(TimeSpan.FromTicks(1), TenantCalendar.UntilNextMidnight(midnight.AddTicks(-1)));
    }

    [Fact]
    public void A_daylight_saving_day_is_shorter_or_longer()
    {
        // New York moves its clocks forward on 8 March 2026 and back on 1 November 2026.
        var springMidnight = new DateTimeOffset(2026, 3, 8, 5, 0, 0, TimeSpan.Zero); // 00:00 EST
        Assert.Equal(TimeSpan.FromHours(23), TenantCalendar.UntilNextMidnight(springMidnight, "America/New_York"));
        var autumnMidnight = new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero); // 00:00 EDT
        Assert.Equal(TimeSpan.FromHours(25), TenantCalendar.UntilNextMidnight(autumnMidnight, "America/New_York"));
    }

    [Fact]
    public void The_next_midnight_of_an_unknown_zone_is_refused() =>
        Assert.Throws<ArgumentException>(() => TenantCalendar.UntilNextMidnight(DateTimeOffset.UnixEpoch, "Mars/Olympus_Mons"));

    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("Asia/Urumqi")]
    [InlineData("Etc/UTC")]
    public void Iana_zones_are_valid(string id) => Assert.True(TenantCalendar.IsValidTimeZone(id));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" Asia/Shanghai")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    [InlineData("China Standard Time")]
    public void Unknown_padded_and_windows_ids_are_refused(string? id)
    {
        Assert.False(TenantCalendar.IsValidTimeZone(id));
        if (id is not null)
        {
            Assert.Throws<ArgumentException>(() => TenantCalendar.Today(DateTimeOffset.UnixEpoch, id));
        }
    }
}
