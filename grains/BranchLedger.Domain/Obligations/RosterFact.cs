namespace BranchLedger.Domain.Obligations;

/// <summary>
/// The size of the branch from a day on. The roster in force on a day is the one with the latest
/// <see cref="EffectiveFrom"/> on or before it (on a tie, the one given last), so a quorum is always
/// judged against the membership on the meeting day, not today's.
/// </summary>
/// <param name="EffectiveFrom">First day these numbers hold.</param>
/// <param name="Members">All members, probationary included.</param>
/// <param name="VotingMembers">Full members with voting rights.</param>
/// <param name="CommitteeMembers">Members of the branch committee.</param>
public sealed record RosterFact(DateOnly EffectiveFrom, int Members, int VotingMembers, int CommitteeMembers);
