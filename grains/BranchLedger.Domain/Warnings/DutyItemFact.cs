namespace BranchLedger.Domain.Warnings;

/// <summary>A duty-list item as warnings see it.</summary>
/// <param name="Id">The item's id.</param>
/// <param name="Due">The last day it is due.</param>
/// <param name="Status">Overdue once <paramref name="Due"/> has passed unless Done or Verified.</param>
/// <param name="Actor">Who carries it; only used to word the warning.</param>
public sealed record DutyItemFact(string Id, DateOnly Due, DutyStatus Status, ActorClass Actor = ActorClass.Unspecified)
{
    /// <summary>Days past the due date as of <paramref name="today"/>, or null when not overdue (derived, never stored).</summary>
    public int? DaysOverdue(DateOnly today) =>
        Due < today && Status is not (DutyStatus.Done or DutyStatus.Verified) ? today.DayNumber - Due.DayNumber : null;
}
