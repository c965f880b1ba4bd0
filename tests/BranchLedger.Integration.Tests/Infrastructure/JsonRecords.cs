namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>Record bodies as JSON callers send them (proto-JSON names), for tests of the JSON routes.</summary>
public static class JsonRecords
{
    /// <summary>A 支委会 of 5 March 2026: 6 of 7 present, opened with the 第一议题.</summary>
    public static object BranchCommitteeMeeting(string requestId) => new
    {
        requestId,
        meeting = new
        {
            kind = "MEETING_KIND_BRANCH_COMMITTEE_MEETING",
            date = new { year = 2026, month = 3, day = 5 },
            topic = "研究部署季度党建工作",
            attendees = 6,
            expectedAttendees = 7,
            firstAgendaItem = true,
        },
    };
}
