using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Reports;

// In the ledger's namespace, beside the other kinds' enums: the API's DocumentKind matches it by name and number.
namespace BranchLedger.Domain.Ledger;

/// <summary>What a document issued (发文) is.</summary>
public enum DocumentKind
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>计划, e.g. 《党建工作计划》.</summary>
    Plan = 1,
    /// <summary>制度规则, e.g. 工作规则, 联席会议制度.</summary>
    Rules = 2,
    /// <summary>清单, e.g. the duty list issued as a document.</summary>
    List = 3,
    /// <summary>通知.</summary>
    Notice = 4,
    /// <summary>其他.</summary>
    Other = 5,
    /// <summary>工作机制, e.g. “142”品牌创建机制: named in the report (建立…).</summary>
    Mechanism = 6,
}

/// <summary>发文: a plan, rules, a list or a notice the body issued; recorded by AppendRecord, its rules in DocumentIssuedDetails.</summary>
public sealed class DocumentIssuedEntry : RecordKindEntry
{
    /// <summary>What the document is.</summary>
    public static readonly FieldRule Kind = ChoiceRule("kind");
    /// <summary>Its title.</summary>
    public static readonly FieldRule DocumentTitle = Title("title");
    /// <summary>Who issued it.</summary>
    public static readonly FieldRule Issuer = Name("issuer");

    /// <inheritdoc />
    public override int Order => 85;
    /// <inheritdoc />
    public override string Id => "document-issued";
    /// <inheritdoc />
    public override string BodyField => "document_issued";
    /// <inheritdoc />
    public override string Label => "发文";
    /// <inheritdoc />
    public override string Help => "制定印发的计划、制度规则、清单、通知等文件，一份一条。";
    /// <inheritdoc />
    /// <remarks>A unit's own work: a small group (党小组) acts within its branch and records it there.</remarks>
    public override IReadOnlyList<Directory.NodeKind> NodeLevels => BranchAndAbove;

    /// <inheritdoc />
    public override IReadOnlyList<EntryField> Fields { get; } =
    [
        Choice(Kind, "文件类别", "文件的类别。", new Dictionary<DocumentKind, string>
        {
            [DocumentKind.Plan] = "计划", [DocumentKind.Rules] = "制度规则", [DocumentKind.List] = "清单",
            [DocumentKind.Notice] = "通知", [DocumentKind.Other] = "其他", [DocumentKind.Mechanism] = "工作机制",
        }),
        DateField("印发的日期。"),
        Field(DocumentTitle, "文件标题", "文件的标题，如“2026年党建工作计划”。"),
        Field(Issuer, "印发单位", "印发文件的单位或部门。"),
        NotesField("文号、主要内容等。"),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<ReportCount> Report { get; } =
    [
        Count("documents.issued", ReportUnits.Copies, new("制定印发文件", "制定印发党建工作计划、制度规则等文件{n}份", "制定印发文件本年度暂无记录")),
        Count("documents.rules", ReportUnits.Copies, new("制度规则", "其中制度规则{n}份", "制度规则暂无记录"), where: When(Kind, DocumentKind.Rules)),
        // Named where the report speaks of them: the plans and duty lists in （一）一是 (牵头研究并印发《…》), the rules in
        // （四）二是 (制定完善…等制度), the mechanisms in （四）一是 (建立…).
        Count("documents.plans-and-lists", ReportUnits.Copies, new("计划和清单", "牵头研究并印发{names}", "计划和清单本年度暂无印发记录"),
            where: When(Kind, DocumentKind.Plan, DocumentKind.List), names: "《{title}》"),
        Count("documents.rules-named", ReportUnits.Copies, new("制定完善的制度", "制定完善{names}等制度", "制定完善制度本年度暂无记录"),
            where: When(Kind, DocumentKind.Rules), names: "{title}"),
        Count("documents.mechanisms", ReportUnits.Things, new("工作机制", "建立{names}", "工作机制本年度暂无记录"),
            where: When(Kind, DocumentKind.Mechanism), names: "{title}"),
    ];

    /// <inheritdoc />
    public override ReportSentence Sentence { get; } = new("responsibility", "{documents.issued}，{documents.rules}。");
}
