namespace BranchLedger.Domain.Periods;

/// <summary>
/// The calendar periods obligations are counted in. Values grow with the period's length, so a
/// smaller value is a finer period.
/// </summary>
public enum PeriodKind
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>A calendar month.</summary>
    Month = 1,
    /// <summary>A calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec).</summary>
    Quarter = 2,
    /// <summary>A calendar year.</summary>
    Year = 3,
}

/// <summary>Facts about period kinds.</summary>
public static class PeriodKinds
{
    /// <summary>How many months one period of the kind spans (1, 3 or 12).</summary>
    public static int Months(this PeriodKind kind) => kind switch
    {
        PeriodKind.Month => 1,
        PeriodKind.Quarter => 3,
        PeriodKind.Year => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "must be Month, Quarter or Year"),
    };

    /// <summary>True for Month, Quarter and Year.</summary>
    public static bool IsDefinedKind(this PeriodKind kind) => kind is PeriodKind.Month or PeriodKind.Quarter or PeriodKind.Year;
}
