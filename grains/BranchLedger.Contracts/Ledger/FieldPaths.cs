using BranchLedger.Domain.Ledger.Catalogue;

namespace BranchLedger.Contracts.Ledger;

/// <summary>
/// The request fields the ledger's refusals name (as the API's field violations and import rows show
/// them), named once here rather than built inside the rules that refuse.
/// </summary>
public static class FieldPaths
{
    /// <summary>The client request id.</summary>
    public const string RequestId = "request_id";

    /// <summary>The node the request names.</summary>
    public const string NodeId = "node_id";

    /// <summary>The record a correction or review names.</summary>
    public const string RecordId = "record_id";

    /// <summary>The record's body as a whole (an import row's, or what it names).</summary>
    public const string Body = "body";

    /// <summary>The day a record happened.</summary>
    public const string Date = "date";

    /// <summary>A period (2026, 2026-Q1, 2026-03).</summary>
    public const string Period = "period";

    /// <summary>A calendar year (sealing).</summary>
    public const string Year = "year";

    /// <summary>A duty item's id.</summary>
    public const string DutyId = "duty_id";

    /// <summary>A finding's id.</summary>
    public const string FindingId = "finding_id";

    /// <summary>A meeting's attendees (the field as the record catalogue names it).</summary>
    public static readonly string MeetingAttendees = "meeting." + RecordFields.Meeting.Attendees.Name;

    /// <summary>A meeting's absences.</summary>
    public static readonly string MeetingAbsences = "meeting." + RecordFields.Meeting.Absences.Name;

    /// <summary>The evidence list.</summary>
    public const string Evidence = "evidence";
}
