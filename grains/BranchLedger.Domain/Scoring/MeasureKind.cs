namespace BranchLedger.Domain.Scoring;

/// <summary>What sort of number a measure yields; it decides which scoring rules make sense for it.</summary>
public enum MeasureKind
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,

    /// <summary>A share from 0 to 1 (numerator / denominator): scored linearly or by threshold, targets in (0, 1].</summary>
    Rate = 1,

    /// <summary>A count of good outcomes (brands, honours): scored linearly or by threshold, capped at the target.</summary>
    Count = 2,

    /// <summary>A count of misses (overdue findings, missed periods): scored by deduction per miss only.</summary>
    MissCount = 3,
}
