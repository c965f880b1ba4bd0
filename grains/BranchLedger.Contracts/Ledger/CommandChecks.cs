using BranchLedger.Contracts.Errors;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>
/// Runs the domain's rules over commands. The gateway runs the same checks before calling a grain;
/// grains run them again because not every caller is the gateway.
/// </summary>
public static class CommandChecks
{
    /// <summary>Checks a record-meeting command; field paths are those of the API's request.</summary>
    public static Violations Check(RecordMeetingCommand command, TimeProvider clock, Violations? found = null)
    {
        var violations = (found ?? new Violations()).RequestId("request_id", command.RequestId);
        var m = command.Meeting;
        return MeetingRules.Check(
            violations, "meeting.", m.Kind, m.Date, m.Topic, m.Attendees, m.ExpectedAttendees, m.Notes, Today(clock));
    }

    /// <summary>Throws <see cref="InvalidCommandException"/> when anything was found.</summary>
    public static void ThrowIfInvalid(Violations violations)
    {
        if (!violations.IsEmpty)
        {
            throw new InvalidCommandException(
                violations.Items.Select(v => new FieldError(v.Field, v.Description)).ToList());
        }
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
