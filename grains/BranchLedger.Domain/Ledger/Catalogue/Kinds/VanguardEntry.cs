using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Reports;

// In the ledger's namespace, beside the other kinds' enums: the API's VanguardKind matches it by name and number.
namespace BranchLedger.Domain.Ledger;

/// <summary>A vanguard team or post of 三队两岗.</summary>
public enum VanguardKind
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>先锋队.</summary>
    Team = 1,
    /// <summary>先锋岗.</summary>
    Post = 2,
}

/// <summary>
/// 三队两岗: a vanguard team (先锋队) or post (先锋岗) formed in the year, the work it leads and what its members do there
/// (在疫情防控中当先锋), so the report names them (通过成立…等方式，引导党员干部在…中当先锋). Recorded by AppendRecord, its rules in VanguardDetails.
/// </summary>
public sealed class VanguardEntry : RecordKindEntry
{
    /// <summary>Team or post.</summary>
    public static readonly FieldRule Kind = ChoiceRule("kind");
    /// <summary>Its name as the report states it.</summary>
    public static readonly FieldRule VanguardName = Title("name");
    /// <summary>The work or campaign it leads; optional.</summary>
    public static readonly FieldRule Campaign = Title("campaign", required: false);
    /// <summary>What its members do there (当先锋, 打头阵); optional.</summary>
    public static readonly FieldRule Role = Name("role");
    /// <summary>Members in it; 0 when not counted.</summary>
    public static readonly FieldRule Members = People("members");

    /// <inheritdoc />
    public override int Order => 45;
    /// <inheritdoc />
    public override string Id => "vanguard";
    /// <inheritdoc />
    public override string BodyField => "vanguard";
    /// <inheritdoc />
    public override string Label => "先锋队（岗）";
    /// <inheritdoc />
    public override string Help => "“三队两岗”中成立的党员先锋队、先锋岗，一支（个）一条，写明带头的中心工作。";

    /// <inheritdoc />
    public override IReadOnlyList<EntryField> Fields { get; } =
    [
        Choice(Kind, "类型", "先锋队还是先锋岗。", new Dictionary<VanguardKind, string>
        {
            [VanguardKind.Team] = "先锋队", [VanguardKind.Post] = "先锋岗",
        }),
        DateField("成立的日期。"),
        Field(VanguardName, "名称", "报告中的提法，如“重点工作攻坚先锋队”“党员志愿服务岗”。"),
        Field(Campaign, "带头的中心工作", "带头开展的中心工作或活动，如 疫情防控、“五比五晒”；可不填。"),
        Field(Role, "发挥的作用", "报告中的说法，如“当先锋”“打头阵”；报告写“在疫情防控中当先锋”。可不填。"),
        Field(Members, "党员人数", "参加的党员人数；未统计时填 0。"),
        NotesField("工作情况。"),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<ReportCount> Report { get; } =
    [
        // The first counts every record (the report-coverage catalogue takes it as the kind's figure).
        Count("vanguard.formed", ReportUnits.Things, new("先锋队（岗）", "通过成立{names}等方式", "先锋队、先锋岗本年度暂无记录"), names: "{name}"),
        Count("vanguard.campaigns", ReportUnits.Things, new("先锋队（岗）带头的中心工作", "引导党员干部{names}", "先锋队、先锋岗带头的中心工作本年度暂无记录"),
            names: "在{campaign}中{role}"),
        Count("vanguard.teams", ReportUnits.Teams, new("先锋队", "党员先锋队{n}支", "党员先锋队暂无记录"), where: When(Kind, VanguardKind.Team)),
        Count("vanguard.posts", ReportUnits.Things, new("先锋岗", "党员先锋岗{n}个", "党员先锋岗暂无记录"), where: When(Kind, VanguardKind.Post)),
        Count("vanguard.members", ReportUnits.People, new("先锋队（岗）党员人数", "参加党员{n}名", "参加党员人数暂无统计记录"), sum: Members),
    ];

    /// <inheritdoc />
    public override ReportSentence Sentence { get; } = new("vanguard", "全年组建{vanguard.teams}、{vanguard.posts}，{vanguard.members}。");
}
