namespace BranchLedger.Domain.Periods;

/// <summary>
/// Turns an instant into the tenant's calendar day. Obligations are counted in calendar days where
/// the tenant is, not in UTC: a meeting at 07:00 Beijing time on 1 April belongs to April even though
/// it is still 31 March in UTC.
/// </summary>
public static class TenantCalendar
{
    /// <summary>The time zone of a tenant that set none.</summary>
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    /// <summary>The calendar day at <paramref name="utcNow"/> in the IANA time zone <paramref name="timeZoneId"/>.</summary>
    /// <exception cref="ArgumentException">when the id is not a known IANA time zone (check with <see cref="IsValidTimeZone"/> first).</exception>
    public static DateOnly Today(DateTimeOffset utcNow, string timeZoneId = DefaultTimeZoneId)
    {
        if (!TryFind(timeZoneId, out var zone))
        {
            throw new ArgumentException($"'{timeZoneId}' is not a known IANA time zone", nameof(timeZoneId));
        }

        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utcNow, zone).DateTime);
    }

    /// <summary>
    /// How long from <paramref name="utcNow"/> until the next midnight of the IANA time zone
    /// <paramref name="timeZoneId"/> (the start of the tenant's next calendar day; at midnight itself,
    /// a whole day). Period ends fall on these midnights, so daily work is scheduled from them.
    /// </summary>
    /// <exception cref="ArgumentException">when the id is not a known IANA time zone.</exception>
    public static TimeSpan UntilNextMidnight(DateTimeOffset utcNow, string timeZoneId = DefaultTimeZoneId)
    {
        if (!TryFind(timeZoneId, out var zone))
        {
            throw new ArgumentException($"'{timeZoneId}' is not a known IANA time zone", nameof(timeZoneId));
        }

        // The offset is the one in force at that midnight, so a daylight-saving change that day counts.
        var tomorrow = TimeZoneInfo.ConvertTime(utcNow, zone).Date.AddDays(1);
        return new DateTimeOffset(tomorrow, zone.GetUtcOffset(tomorrow)) - utcNow;
    }

    /// <summary>
    /// True for an IANA id this machine knows (e.g. "Asia/Shanghai", "Asia/Urumqi"). Windows ids such
    /// as "China Standard Time" are refused although .NET can translate them: a tenant's setting is
    /// stored and must mean the same zone on every machine.
    /// </summary>
    public static bool IsValidTimeZone(string? timeZoneId) => TryFind(timeZoneId, out _);

    private static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || id.Trim() != id)
        {
            return false;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) || !found.HasIanaId)
        {
            return false;
        }

        zone = found;
        return true;
    }
}
