using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Ledger;

/// <summary>What makes a meeting record acceptable.</summary>
public static class MeetingRules
{
    /// <summary>Checks a meeting about to be recorded; <paramref name="today"/> is the tenant's calendar day.</summary>
    public static Violations Check(
        Violations violations,
        string prefix,
        MeetingKind kind,
        DateOnly date,
        string? topic,
        int attendees,
        int expectedAttendees,
        DateOnly today)
    {
        violations
            .Choice(prefix, RecordFields.Meeting.Kind, kind)
            .Date(prefix + RecordFields.Date.Name, date, today)
            .Text(prefix, RecordFields.Meeting.Topic, topic)
            .Count(prefix, RecordFields.Meeting.Attendees, attendees)
            .Count(prefix, RecordFields.Meeting.ExpectedAttendees, expectedAttendees);

        if (expectedAttendees > 0 && attendees > expectedAttendees)
        {
            violations.Add(prefix + RecordFields.Meeting.Attendees.Name, $"must not exceed {RecordFields.Meeting.ExpectedAttendees.Name}");
        }

        return violations;
    }

    /// <summary>
    /// Who gave a party lecture (党课) or a special lecture (专题辅导, the invited lecturer the report names: 邀请市委党校教授…);
    /// other meetings have no lecturer, and only a party lecture is the branch secretary's own.
    /// </summary>
    public static Violations Lecturer(Violations violations, string prefix, MeetingKind kind, string? lecturer, bool bySecretary)
    {
        if (kind != MeetingKind.PartyLecture && bySecretary)
        {
            return violations.Add(prefix + RecordFields.Meeting.Lecturer.Name, "is recorded for party lectures (党课) only");
        }

        if (kind is not (MeetingKind.PartyLecture or MeetingKind.SpecialLecture) && !string.IsNullOrEmpty(lecturer))
        {
            return violations.Add(prefix + RecordFields.Meeting.Lecturer.Name, "is recorded for party lectures (党课) and special lectures (专题辅导) only");
        }

        return violations.Text(prefix, RecordFields.Meeting.Lecturer, lecturer);
    }

    /// <summary>
    /// Who chaired it, and the party-group secretary's part (主持召开, an invited lecture, 双重组织生活): an invited lecture
    /// is a party lecture's. When both lecture flags are set the invited lecture wins: the report and compliance count it as
    /// the party-group secretary's, never also as the branch secretary's own.
    /// </summary>
    public static Violations SecretaryRoles(Violations violations, string prefix, MeetingKind kind, string? chair, bool bySecretary, bool byPartyGroupSecretary)
    {
        ArgumentNullException.ThrowIfNull(violations);
        violations.Text(prefix, RecordFields.Meeting.Chair, chair);
        if (byPartyGroupSecretary && kind != MeetingKind.PartyLecture)
        {
            violations.Add(prefix + RecordFields.Meeting.LecturedByPartyGroupSecretary.Name, "is recorded for party lectures (党课) only");
        }

        return violations;
    }

    /// <summary>
    /// The most people who can attend a meeting of this kind by the roster in force on its day: members
    /// for the meetings of members, the committee for committee meetings; null where others may attend
    /// too (lectures, forums, symposia with young cadres) or no roster is known.
    /// </summary>
    public static int? RosterLimit(MeetingKind kind, int? members, int? committeeMembers) => kind switch
    {
        MeetingKind.BranchCommitteeMeeting => committeeMembers,
        MeetingKind.BranchGeneralMeeting or MeetingKind.SmallGroupMeeting or MeetingKind.ThemeDay
            or MeetingKind.OrganisationalLifeMeeting or MeetingKind.MemberAppraisal => members,
        _ => null,
    };
}
