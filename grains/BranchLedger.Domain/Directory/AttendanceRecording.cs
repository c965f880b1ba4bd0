namespace BranchLedger.Domain.Directory;

/// <summary>
/// How a tenant records who attended a meeting. Counts only is the default: a ledger keeps the least
/// personal data that serves its purpose, and a tenant has to choose to keep names.
/// </summary>
public enum AttendanceRecording
{
    /// <summary>Counts and absence reasons only; names sent with a meeting are dropped before it is stored.</summary>
    CountsOnly = 1,

    /// <summary>Names of those present and absent are kept with the meeting.</summary>
    Names = 2,
}
