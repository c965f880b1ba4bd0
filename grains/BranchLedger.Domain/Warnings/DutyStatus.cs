namespace BranchLedger.Domain.Warnings;

/// <summary>Where a duty-list item (责任清单事项) stands.</summary>
public enum DutyStatus
{
    /// <summary>Not set; never valid in a record.</summary>
    Unspecified = 0,
    /// <summary>Planned, not started.</summary>
    Planned = 1,
    /// <summary>Under way.</summary>
    InProgress = 2,
    /// <summary>Reported done by its owner.</summary>
    Done = 3,
    /// <summary>Done and checked by someone else.</summary>
    Verified = 4,
}
