using BranchLedger.Domain.Ledger;

namespace BranchLedger.Contracts.Ledger;

/// <summary>A meeting or study session as it happened.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.MeetingDetails")]
public sealed record MeetingDetails : RecordBody
{
    /// <summary>Which kind of meeting.</summary>
    [Id(0)] public required MeetingKind Kind { get; init; }

    /// <summary>The calendar day it took place.</summary>
    [Id(1)] public required DateOnly Date { get; init; }

    /// <summary>Title or topic.</summary>
    [Id(2)] public required string Topic { get; init; }

    /// <summary>Members present.</summary>
    [Id(3)] public int Attendees { get; init; }

    /// <summary>Members expected; 0 when not applicable.</summary>
    [Id(4)] public int ExpectedAttendees { get; init; }

    /// <summary>Whether it opened with the first-agenda-item study (第一议题).</summary>
    [Id(5)] public bool FirstAgendaItem { get; init; }

    /// <summary>Notes or minutes; empty when none.</summary>
    [Id(6)] public string Notes { get; init; } = "";
}
