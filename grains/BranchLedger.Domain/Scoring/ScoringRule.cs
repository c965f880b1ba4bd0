namespace BranchLedger.Domain.Scoring;

/// <summary>How an indicator turns its measure's raw value into points (0 … its weight).</summary>
public enum ScoringRule
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,

    /// <summary>
    /// weight × min(raw / target, 1): proportional up to the target and capped there, so doing more
    /// than required earns nothing extra.
    /// </summary>
    LinearToTarget = 1,

    /// <summary>All of the weight when raw ≥ target (exactly at the target passes), otherwise nothing.</summary>
    Threshold = 2,

    /// <summary>
    /// weight − perMiss × raw, never below the floor (default 0): the base-100 sheets that start full and
    /// deduct for every missed item.
    /// </summary>
    DeductionPerMiss = 3,
}
