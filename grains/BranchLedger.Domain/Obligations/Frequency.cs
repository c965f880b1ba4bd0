using BranchLedger.Domain.Periods;

namespace BranchLedger.Domain.Obligations;

/// <summary>How often an obligation falls due: once per calendar month, quarter or year.</summary>
public enum Frequency
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>Per calendar month.</summary>
    Monthly = 1,
    /// <summary>Per calendar quarter.</summary>
    Quarterly = 2,
    /// <summary>Per calendar year.</summary>
    Yearly = 3,
}

/// <summary>Facts about frequencies.</summary>
public static class Frequencies
{
    /// <summary>The period each occurrence of the obligation is counted in.</summary>
    public static PeriodKind PeriodKind(this Frequency frequency) => frequency switch
    {
        Frequency.Monthly => Periods.PeriodKind.Month,
        Frequency.Quarterly => Periods.PeriodKind.Quarter,
        Frequency.Yearly => Periods.PeriodKind.Year,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "must be Monthly, Quarterly or Yearly"),
    };

    /// <summary>True for Monthly, Quarterly and Yearly.</summary>
    public static bool IsDefinedFrequency(this Frequency frequency) =>
        frequency is Frequency.Monthly or Frequency.Quarterly or Frequency.Yearly;

    /// <summary>每月 / 每季度 / 每年.</summary>
    public static string DisplayName(this Frequency frequency) => frequency switch
    {
        Frequency.Monthly => "每月",
        Frequency.Quarterly => "每季度",
        Frequency.Yearly => "每年",
        _ => "未设置",
    };
}
