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

    public static Google.Type.Date ToMessage(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };
}
