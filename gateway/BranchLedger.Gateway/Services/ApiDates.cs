using BranchLedger.Domain.Validation;

namespace BranchLedger.Gateway.Services;

/// <summary>google.type.Date to and from calendar days, for every service.</summary>
internal static class ApiDates
{
    // A missing or impossible date is reported here. The placeholder returned then passes the domain's
    // own date rule, so the field gets one violation, not two; it never reaches a grain because the
    // caller throws while any violation exists.
    public static DateOnly ToDate(Google.Type.Date? date, string field, Violations violations, DateOnly placeholder)
    {
        if (date is null)
        {
            violations.Add(field, "is required");
            return placeholder;
        }

        if (date.Year is < 1 or > 9999 || date.Month is < 1 or > 12
            || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            violations.Add(field, "is not a valid calendar day");
            return placeholder;
        }

        return new DateOnly(date.Year, date.Month, date.Day);
    }

    /// <summary>A timestamp within years 1900–9999, or null with a violation (protobuf allows far more).</summary>
    public static DateTimeOffset? ToInstant(Google.Protobuf.WellKnownTypes.Timestamp stamp, string field, Violations violations)
    {
        var earliest = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var latest = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        if (stamp.Seconds < earliest || stamp.Seconds > latest || stamp.Nanos is < 0 or > 999_999_999)
        {
            violations.Add(field, "is not a time between 1900 and 9999");
            return null;
        }

        return stamp.ToDateTimeOffset();
    }

    public static Google.Type.Date ToMessage(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };
}
