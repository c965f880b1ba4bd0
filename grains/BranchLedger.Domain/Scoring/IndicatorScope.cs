namespace BranchLedger.Domain.Scoring;

/// <summary>Which nodes an indicator is scored for; on other nodes it is not assessable.</summary>
public enum IndicatorScope
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,

    /// <summary>Branches (党支部) only.</summary>
    Branch = 1,

    /// <summary>Organisations (党组 / 机关党委) only.</summary>
    Organisation = 2,

    /// <summary>Both branches and organisations.</summary>
    Both = 3,
}
