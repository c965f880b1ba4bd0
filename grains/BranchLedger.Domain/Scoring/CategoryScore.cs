namespace BranchLedger.Domain.Scoring;

/// <summary>A category's subtotal on a score sheet.</summary>
/// <param name="CategoryId">The category's id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Points">Points of its assessable indicators (the sum of their rounded points).</param>
/// <param name="AssessableWeight">The weights of its assessable indicators.</param>
/// <param name="Weight">The weights of all its indicators.</param>
public sealed record CategoryScore(string CategoryId, string Name, decimal Points, decimal AssessableWeight, decimal Weight);
