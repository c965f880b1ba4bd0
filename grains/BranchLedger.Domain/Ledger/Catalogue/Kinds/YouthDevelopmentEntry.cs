using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Reports;

// In the ledger's namespace, beside the other kinds' enums: the API's YouthDevelopmentKind matches it by name and number.
namespace BranchLedger.Domain.Ledger;

/// <summary>How young cadres are developed (年轻干部培养).</summary>
public enum YouthDevelopmentKind
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>青年干部理论学习小组.</summary>
    StudyGroup = 1,
    /// <summary>结对帮带.</summary>
    Mentoring = 2,
    /// <summary>其他.</summary>
    Other = 3,
}

/// <summary>年轻干部培养: a youth study group or mentoring pairs, with its pairs and sessions; recorded by AppendRecord, its rules in YouthDevelopmentDetails.</summary>
public sealed class YouthDevelopmentEntry : RecordKindEntry
{
    /// <summary>Study group, mentoring or other.</summary>
    public static readonly FieldRule Kind = ChoiceRule("kind");
    /// <summary>Its name as the report states it.</summary>
    public static readonly FieldRule YouthName = Title("name");
    /// <summary>Mentoring pairs.</summary>
    public static readonly FieldRule Pairs = People("pairs");
    /// <summary>Sessions held.</summary>
    public static readonly FieldRule Sessions = People("sessions");

    /// <inheritdoc />
    public override int Order => 35;
    /// <inheritdoc />
    public override string Id => "youth-development";
    /// <inheritdoc />
    public override string BodyField => "youth_development";
    /// <inheritdoc />
    public override string Label => "年轻干部培养";
    /// <inheritdoc />
    public override string Help => "青年干部理论学习小组、结对帮带等年轻干部培养工作，一项一条，写明结对数和开展次数。";
    /// <inheritdoc />
    /// <remarks>A unit's own work: a small group (党小组) acts within its branch and records it there.</remarks>
    public override IReadOnlyList<Directory.NodeKind> NodeLevels => BranchAndAbove;

    /// <inheritdoc />
    public override IReadOnlyList<EntryField> Fields { get; } =
    [
        Choice(Kind, "培养方式", "年轻干部培养的方式。", new Dictionary<YouthDevelopmentKind, string>
        {
            [YouthDevelopmentKind.StudyGroup] = "青年理论学习小组", [YouthDevelopmentKind.Mentoring] = "结对帮带", [YouthDevelopmentKind.Other] = "其他",
        }),
        DateField("成立或登记的日期。"),
        Field(YouthName, "名称", "报告中的提法，如“青年干部理论学习小组”“支委联系帮带年轻干部、党外干部制度”。"),
        Field(Pairs, "结对数", "结对帮带的对数；不适用时填 0。"),
        Field(Sessions, "开展次数", "本年度开展学习或帮带活动的次数；未统计时填 0。"),
        NotesField("开展情况。"),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<ReportCount> Report { get; } =
    [
        // The first counts every record (the report-coverage catalogue takes it as the kind's figure).
        Count("youth.sessions", ReportUnits.Times, new("年轻干部培养活动", "开展年轻干部学习和帮带活动{n}次", "年轻干部学习和帮带活动暂无统计记录"), sum: Sessions),
        Count("youth.mentoring", ReportUnits.Things, new("结对帮带制度", "建立{names}", "结对帮带本年度暂无记录"),
            where: When(Kind, YouthDevelopmentKind.Mentoring), names: "{name}"),
        Count("youth.study-group", ReportUnits.Things, new("青年理论学习小组", "成立{names}", "青年理论学习小组本年度暂无记录"),
            where: When(Kind, YouthDevelopmentKind.StudyGroup), names: "{name}"),
        Count("youth.pairs", ReportUnits.Pairs, new("结对帮带对数", "结对帮带{n}对", "结对帮带对数暂无统计记录"), sum: Pairs),
    ];

    /// <inheritdoc />
    public override ReportSentence Sentence { get; } = new("young-cadres", "{youth.pairs}，{youth.sessions}。");
}
