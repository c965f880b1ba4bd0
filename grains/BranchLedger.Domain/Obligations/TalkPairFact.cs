namespace BranchLedger.Domain.Obligations;

/// <summary>One heart-to-heart talk between two people (order does not matter).</summary>
/// <param name="Sequence">The record's sequence number in its ledger.</param>
/// <param name="Date">The calendar day of the talk (tenant time zone).</param>
/// <param name="PersonA">One person's key (member id or name, as the ledger records it).</param>
/// <param name="PersonB">The other person's key.</param>
public sealed record TalkPairFact(long Sequence, DateOnly Date, string PersonA, string PersonB);
