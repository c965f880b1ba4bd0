using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Ledger;

/// <summary>Why a member missed a meeting.</summary>
public enum AbsenceReason
{
    /// <summary>Not given; refused.</summary>
    Unspecified = 0,

    /// <summary>公差: away on official duty.</summary>
    OfficialDuty = 1,

    /// <summary>病假: sick leave.</summary>
    SickLeave = 2,

    /// <summary>事假: personal leave.</summary>
    PersonalLeave = 3,

    /// <summary>其他: another reason, said in the note.</summary>
    Other = 4,
}

/// <summary>
/// Attendance taken from the roster: who is ticked present and, for each one absent, the reason. The
/// counts follow from the ticks, so when the meeting says how many were expected, present plus absent
/// must add up to it. Names are optional; whether they are kept is the tenant's setting
/// (<see cref="Directory.AttendanceRecording"/>).
/// </summary>
public static class AttendanceRules
{
    /// <summary>More named attendees or absences than this on one meeting is a typing or import error.</summary>
    public const int MaxEntries = 5_000;

    /// <summary>The reason as the ledger prints it.</summary>
    public static string Label(AbsenceReason reason) => reason switch
    {
        AbsenceReason.OfficialDuty => "公差",
        AbsenceReason.SickLeave => "病假",
        AbsenceReason.PersonalLeave => "事假",
        AbsenceReason.Other => "其他",
        _ => "未说明",
    };

    /// <summary>Checks the ticks of one meeting; <paramref name="prefix"/> is the API's path to it, e.g. <c>meeting.</c>.</summary>
    public static Violations Check(
        Violations violations,
        string prefix,
        int attendees,
        int expectedAttendees,
        IReadOnlyList<(AbsenceReason Reason, string? Name, string? Note)> absences,
        IReadOnlyList<string> attendeeNames)
    {
        if (absences.Count > MaxEntries)
        {
            violations.Add(prefix + "absences", $"must hold at most {MaxEntries} entries (got {absences.Count})");
        }
        else
        {
            for (var i = 0; i < absences.Count; i++)
            {
                var (reason, name, note) = absences[i];
                var at = $"{prefix}absences[{i}].";
                if (reason == AbsenceReason.Unspecified || !Enum.IsDefined(reason))
                {
                    violations.Add(at + "reason", "must be one of 公差, 病假, 事假 or 其他 (OFFICIAL_DUTY, SICK_LEAVE, PERSONAL_LEAVE, OTHER)");
                }

                violations
                    .Text(at + "name", name, RecordRules.MaxNameLength, required: false)
                    .Text(at + "note", note, RecordRules.MaxTitleLength, required: false);
            }
        }

        if (attendeeNames.Count > MaxEntries)
        {
            violations.Add(prefix + "attendee_names", $"must hold at most {MaxEntries} names (got {attendeeNames.Count})");
        }
        else
        {
            for (var i = 0; i < attendeeNames.Count; i++)
            {
                violations.Text($"{prefix}attendee_names[{i}]", attendeeNames[i], RecordRules.MaxNameLength, required: true);
            }

            if (attendeeNames.Count > attendees && attendees >= 0)
            {
                violations.Add(prefix + "attendee_names", $"names {attendeeNames.Count} people but attendees is {attendees}");
            }
        }

        // The counts follow from the ticks: everyone expected is either present or absent with a reason.
        if (absences.Count > 0 && expectedAttendees > 0 && attendees >= 0 && attendees + absences.Count != expectedAttendees)
        {
            violations.Add(prefix + "absences",
                $"attendees ({attendees}) plus absences ({absences.Count}) must equal expected_attendees ({expectedAttendees}): 实到加缺席须等于应到");
        }

        return violations;
    }

    /// <summary>Absences counted by reason in reason order, e.g. for "缺席：公差 2、病假 1"; empty when none.</summary>
    public static string Summary(IEnumerable<AbsenceReason> reasons)
    {
        var counts = reasons.GroupBy(r => r).OrderBy(g => g.Key).Select(g => $"{Label(g.Key)} {g.Count()}").ToList();
        return counts.Count == 0 ? "" : "缺席：" + string.Join('、', counts);
    }
}
