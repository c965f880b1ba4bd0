using BranchLedger.Api.V1;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;
using Google.Protobuf.WellKnownTypes;
using DomainMeetingKind = BranchLedger.Domain.Ledger.MeetingKind;
using MeetingKind = BranchLedger.Api.V1.MeetingKind;

namespace BranchLedger.Gateway.Services;

/// <summary>Between protobuf messages and grain contracts; no rules live here.</summary>
internal static class LedgerMapping
{
    public static MeetingDetails ToDetails(Meeting meeting, Violations violations) => new()
    {
        Kind = (DomainMeetingKind)(int)meeting.Kind,
        Date = ToDate(meeting.Date, "meeting.date", violations),
        Topic = meeting.Topic,
        Attendees = meeting.Attendees,
        ExpectedAttendees = meeting.ExpectedAttendees,
        FirstAgendaItem = meeting.FirstAgendaItem,
        Notes = meeting.Notes,
    };

    public static BranchLedger.Api.V1.LedgerRecord ToMessage(this Contracts.Ledger.LedgerRecord record, string branchId)
    {
        var message = new BranchLedger.Api.V1.LedgerRecord
        {
            RecordId = record.RecordId,
            Sequence = record.Sequence,
            BranchId = branchId,
            RequestId = record.RequestId,
            RecordedBy = record.RecordedBy,
            RecordedAt = Timestamp.FromDateTimeOffset(record.RecordedAt),
        };
        switch (record.Body)
        {
            case MeetingDetails m:
                message.Meeting = new Meeting
                {
                    Kind = (MeetingKind)(int)m.Kind,
                    Date = new Google.Type.Date { Year = m.Date.Year, Month = m.Date.Month, Day = m.Date.Day },
                    Topic = m.Topic,
                    Attendees = m.Attendees,
                    ExpectedAttendees = m.ExpectedAttendees,
                    FirstAgendaItem = m.FirstAgendaItem,
                    Notes = m.Notes,
                };
                break;
        }

        return message;
    }

    // A missing or impossible date is reported here. The placeholder returned then passes the domain's
    // own date rule, so the field gets one violation, not two; it never reaches a grain because the
    // caller throws while any violation exists.
    private static DateOnly ToDate(Google.Type.Date? date, string field, Violations violations)
    {
        if (date is null)
        {
            violations.Add(field, "is required");
            return MeetingRules.EarliestDate;
        }

        if (date.Year is < 1 or > 9999 || date.Month is < 1 or > 12
            || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            violations.Add(field, "is not a valid calendar day");
            return MeetingRules.EarliestDate;
        }

        return new DateOnly(date.Year, date.Month, date.Day);
    }
}
