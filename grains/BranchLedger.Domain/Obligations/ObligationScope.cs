namespace BranchLedger.Domain.Obligations;

/// <summary>Which unit of the organisation tree an obligation binds.</summary>
public enum ObligationScope
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>A branch (党支部), including its small groups.</summary>
    Branch = 1,
    /// <summary>The body's leadership: the party group (党组) or office party committee.</summary>
    Organisation = 2,
}
