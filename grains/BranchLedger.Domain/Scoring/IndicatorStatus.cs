namespace BranchLedger.Domain.Scoring;

/// <summary>Whether an indicator was scored for a node and period, and if not, why.</summary>
public enum IndicatorStatus
{
    /// <summary>Not set; never in a sheet.</summary>
    Unspecified = 0,

    /// <summary>Scored: its weight counts in the total.</summary>
    Scored = 1,

    /// <summary>The indicator applies to the other kind of node (an organisation-only indicator on a branch).</summary>
    OutOfScope = 2,

    /// <summary>
    /// Nothing to judge yet: no obligation of the measure in force or decided (periods still Due), no duty
    /// item or finding due, no talk roster.
    /// </summary>
    NothingToJudge = 3,

    /// <summary>A yearly outcome (brands, honours) asked about for a month or a quarter.</summary>
    YearOnly = 4,
}
