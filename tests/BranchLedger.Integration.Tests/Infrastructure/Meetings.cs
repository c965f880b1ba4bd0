using BranchLedger.Api.V1;
using BranchLedger.Contracts.Ledger;
using MeetingKind = BranchLedger.Domain.Ledger.MeetingKind;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>Valid requests to start from; tests change one thing at a time.</summary>
public static class Meetings
{
    public static RecordMeetingRequest Request(string branch = "office-branch", string? requestId = null, int day = 5) => new()
    {
        NodeId = branch,
        RequestId = requestId ?? Guid.NewGuid().ToString(),
        Meeting = new Meeting
        {
            Kind = BranchLedger.Api.V1.MeetingKind.BranchCommitteeMeeting,
            Date = new Google.Type.Date { Year = 2026, Month = 3, Day = day },
            Topic = "研究部署季度党建工作",
            Attendees = 6,
            ExpectedAttendees = 7,
            FirstAgendaItem = true,
            Notes = "第一议题：学习重要讲话精神",
        },
    };

    /// <summary>A valid grain command (what the gateway would send).</summary>
    public static AppendCommand Command(string requestId, string topic = "支委会：研究发展党员工作") => new()
    {
        RequestId = requestId,
        RecordedBy = "secretary",
        Body = new MeetingDetails
        {
            Kind = MeetingKind.BranchCommitteeMeeting,
            Date = new DateOnly(2026, 4, 2),
            Topic = topic,
            Attendees = 5,
            ExpectedAttendees = 7,
            FirstAgendaItem = true,
        },
    };
}
