namespace BranchLedger.Domain.Reports;

/// <summary>The units a report writes after a number, as the sample report words them.</summary>
public static class ReportUnits
{
    /// <summary>次 — times (meetings, sessions).</summary>
    public const string Times = "次";

    /// <summary>人次 — person-times (talks counted per person).</summary>
    public const string PersonTimes = "人次";

    /// <summary>期 — issues of a series (党员讲坛, 专题辅导).</summary>
    public const string Issues = "期";

    /// <summary>条 — measures.</summary>
    public const string Measures = "条";

    /// <summary>个 — things (risk points, brands, branches).</summary>
    public const string Things = "个";

    /// <summary>项 — items (duties, findings, honours).</summary>
    public const string Items = "项";

    /// <summary>名 — people (members).</summary>
    public const string People = "名";

    /// <summary>份 — copies of a document (plans, rules, notices issued).</summary>
    public const string Copies = "份";

    /// <summary>对 — pairs (mentoring pairs, 结对).</summary>
    public const string Pairs = "对";
    /// <summary>支: teams (先锋队).</summary>
    public const string Teams = "支";
}
