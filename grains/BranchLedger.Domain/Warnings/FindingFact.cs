namespace BranchLedger.Domain.Warnings;

/// <summary>An inspection finding (巡察发现问题) as warnings see it.</summary>
/// <param name="Id">The finding's id, as the ledger knows it.</param>
/// <param name="Deadline">The last day to remedy it; a finding without one is never overdue by date.</param>
/// <param name="Closed">True once verified and closed (销号); a re-check that reopens it makes it false again.</param>
/// <param name="Type">Fix-now, by-deadline or ongoing; ongoing ones are never overdue.</param>
public sealed record FindingFact(string Id, DateOnly? Deadline, bool Closed, RemediationType Type)
{
    /// <summary>Days past the deadline as of <paramref name="today"/>, or null when not overdue (derived, never stored).</summary>
    public int? DaysOverdue(DateOnly today) =>
        !Closed && Type != RemediationType.Ongoing && Deadline is { } deadline && deadline < today
            ? today.DayNumber - deadline.DayNumber
            : null;
}
