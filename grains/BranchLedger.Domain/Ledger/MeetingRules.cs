using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Ledger;

/// <summary>What makes a meeting record acceptable.</summary>
public static class MeetingRules
{
    /// <summary>The longest topic accepted.</summary>
    public const int MaxTopicLength = 200;

    /// <summary>The longest notes or minutes accepted.</summary>
    public const int MaxNotesLength = 20_000;

    /// <summary>More people than this at one meeting means a typing error, not a meeting.</summary>
    public const int MaxAttendees = 100_000;

    /// <summary>No ledger in this platform predates this day.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>
    /// Checks a meeting about to be recorded. <paramref name="today"/> is the recorder's calendar
    /// day; one day of slack covers callers a time zone ahead of the server.
    /// </summary>
    public static Violations Check(
        Violations violations,
        string prefix,
        MeetingKind kind,
        DateOnly date,
        string? topic,
        int attendees,
        int expectedAttendees,
        string? notes,
        DateOnly today)
    {
        if (kind == MeetingKind.Unspecified || !Enum.IsDefined(kind))
        {
            violations.Add(prefix + "kind", "must be one of the meeting kinds");
        }

        if (date < EarliestDate)
        {
            violations.Add(prefix + "date", $"must not be before {EarliestDate:yyyy-MM-dd}");
        }
        else if (date > today.AddDays(1))
        {
            violations.Add(prefix + "date", "must not be in the future");
        }

        violations
            .Text(prefix + "topic", topic, MaxTopicLength, required: true)
            .Text(prefix + "notes", notes, MaxNotesLength, required: false)
            .Count(prefix + "attendees", attendees, MaxAttendees)
            .Count(prefix + "expected_attendees", expectedAttendees, MaxAttendees);

        if (expectedAttendees > 0 && attendees > expectedAttendees)
        {
            violations.Add(prefix + "attendees", "must not exceed expected_attendees");
        }

        return violations;
    }
}
