using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Reports;

// In the ledger's namespace, beside the other kinds' enums: the API's SelfInspectionTopic matches it by name and number.
namespace BranchLedger.Domain.Ledger;

/// <summary>What a self-inspection (自查自纠) was about.</summary>
public enum SelfInspectionTopic
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>干部“八小时之外”管理监督.</summary>
    OffDutyConduct = 1,
    /// <summary>违规吃喝及接待问题.</summary>
    ImproperDining = 2,
    /// <summary>公职人员违规经商办企业.</summary>
    ImproperBusiness = 3,
    /// <summary>其他.</summary>
    Other = 4,
}

/// <summary>自查自纠: its topic, the rules applied, scope, problems found and fixed; recorded by AppendRecord, its rules in SelfInspectionDetails.</summary>
public sealed class SelfInspectionEntry : RecordKindEntry
{
    /// <summary>Which topic.</summary>
    public static readonly FieldRule Topic = ChoiceRule("topic");
    /// <summary>What was inspected, as the report names it.</summary>
    public static readonly FieldRule Subject = Title("subject");
    /// <summary>The rules applied (《…》); optional.</summary>
    public static readonly FieldRule Basis = Title("basis", required: false);
    /// <summary>Who or what was covered; optional.</summary>
    public static readonly FieldRule Scope = Name("scope");
    /// <summary>Problems found.</summary>
    public static readonly FieldRule ProblemsFound = People("problems_found");
    /// <summary>Problems fixed (never more than found).</summary>
    public static readonly FieldRule ProblemsFixed = People("problems_fixed");

    /// <summary>The rule across its fields: no more problems fixed than found.</summary>
    public static Validation.Violations Check(Validation.Violations violations, string prefix, int found, int @fixed)
    {
        ArgumentNullException.ThrowIfNull(violations);
        return @fixed > found && found >= 0
            ? violations.Add(prefix + ProblemsFixed.Name, "must not exceed problems_found")
            : violations;
    }

    /// <inheritdoc />
    public override int Order => 75;
    /// <inheritdoc />
    public override string Id => "self-inspection";
    /// <inheritdoc />
    public override string BodyField => "self_inspection";
    /// <inheritdoc />
    public override string Label => "自查自纠";
    /// <inheritdoc />
    public override string Help => "开展“八小时之外”、违规吃喝、违规经商办企业等自查自纠，一次一条。";
    /// <inheritdoc />
    /// <remarks>A unit's own work: a small group (党小组) acts within its branch and records it there.</remarks>
    public override IReadOnlyList<Directory.NodeKind> NodeLevels => BranchAndAbove;

    /// <inheritdoc />
    public override IReadOnlyList<EntryField> Fields { get; } =
    [
        Choice(Topic, "自查类别", "自查自纠的类别。", new Dictionary<SelfInspectionTopic, string>
        {
            [SelfInspectionTopic.OffDutyConduct] = "八小时之外", [SelfInspectionTopic.ImproperDining] = "违规吃喝",
            [SelfInspectionTopic.ImproperBusiness] = "违规经商办企业", [SelfInspectionTopic.Other] = "其他",
        }),
        DateField("开展自查的日期。"),
        Field(Subject, "自查事项", "报告中的提法，如“违规吃喝及接待问题”。"),
        Field(Basis, "执行的制度", "依据的制度文件，如“《加强干部“八小时之外”管理监督工作暂行办法》”；可不填。"),
        Field(Scope, "自查范围", "自查覆盖的人员或部门；可不填。"),
        Field(ProblemsFound, "发现问题数", "自查发现的问题个数；没有时填 0。"),
        Field(ProblemsFixed, "已整改问题数", "已整改的问题个数，不能多于发现的问题数。"),
        NotesField("自查情况。"),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<ReportCount> Report { get; } =
    [
        Count("self-inspections.total", ReportUnits.Times,
            new("自查自纠", "开展{names}等情况自查自纠", "自查自纠本年度暂无记录"), names: "{subject}"),
        Count("self-inspections.basis", ReportUnits.Copies, new("自查执行的制度", "严格执行{names}", "自查执行的制度暂无记录"), names: "{basis}"),
        Count("self-inspections.found", ReportUnits.Things, new("自查发现问题", "自查发现问题{n}个", "自查发现问题暂无统计记录"), sum: ProblemsFound),
        Count("self-inspections.fixed", ReportUnits.Things, new("自查整改问题", "已整改{n}个", "自查整改问题暂无统计记录"), sum: ProblemsFixed),
    ];

    /// <inheritdoc />
    public override ReportSentence Sentence { get; } = new("self-inspection",
        "{self-inspections.basis}，{self-inspections.total}。{self-inspections.found}，{self-inspections.fixed}。");
}
