namespace BranchLedger.Domain.Scoring;

/// <summary>How many scored branches fell in one grade band.</summary>
/// <param name="BandId">The band's id.</param>
/// <param name="Name">The band's name.</param>
/// <param name="Count">Branches whose total is in the band.</param>
public sealed record GradeCount(string BandId, string Name, int Count);
