namespace BranchLedger.Domain.Obligations;

/// <summary>
/// One recorded activity as compliance sees it. The grain layer maps ledger records to these and
/// leaves voided records out, so the engine never needs to know about corrections.
/// </summary>
/// <param name="Sequence">The record's sequence number in its ledger, so a report can point back to it.</param>
/// <param name="Subject">What it was: a meeting of a kind, a secretary's lecture, the party-building review.</param>
/// <param name="Date">The calendar day it took place (tenant time zone).</param>
/// <param name="Attendees">People present (for a voting-members quorum: voting members present).</param>
/// <param name="ExpectedAttendees">People expected (应到人数); 0 when not recorded.</param>
public sealed record ActivityFact(long Sequence, ObligationSubject Subject, DateOnly Date, int Attendees, int ExpectedAttendees);
