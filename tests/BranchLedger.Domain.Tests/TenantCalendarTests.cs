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
