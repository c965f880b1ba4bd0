using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Reports;

// In the ledger's namespace, beside the older kinds' enums, so its enum keeps the name the API and tests know.
namespace BranchLedger.Domain.Ledger;

/// <summary>Organised activities (主题活动) that are neither meetings nor community service.</summary>
public enum ActivityKind
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>重温入党誓词.</summary>
    OathRenewal = 1,
    /// <summary>现场参观学习.</summary>
    SiteVisit = 2,
    /// <summary>宣讲.</summary>
    OutreachTalk = 3,
    /// <summary>志愿活动.</summary>
    Volunteering = 4,
    /// <summary>其他.</summary>
    Other = 5,
}

/// <summary>主题活动: 重温入党誓词, 现场参观学习, 宣讲, 志愿活动, …; recorded by AppendRecord, its rules in ActivityDetails.</summary>
public sealed class ActivityEntry : RecordKindEntry
{
    /// <summary>Which kind of activity.</summary>
    public static readonly FieldRule Kind = ChoiceRule("kind");
    /// <summary>What it was about.</summary>
    public static readonly FieldRule Topic = Title("topic");
    /// <summary>How many took part; 0 when not counted.</summary>
    public static readonly FieldRule Participants = People("participants");
    /// <summary>Who organised it.</summary>
    public static readonly FieldRule Organiser = Name("organiser");
    /// <summary>The theme the year's activities share (围绕学习宣传贯彻党的二十大精神…); optional.</summary>
    public static readonly FieldRule Theme = Title("theme", required: false);
    /// <summary>宣讲 only: the party-group secretary gave it in person (带头深入基层宣讲…).</summary>
    public static readonly FieldRule ByPartyGroupSecretary = new("by_party_group_secretary", FieldType.YesNo);

    /// <summary>The rule across its fields: only an outreach talk (宣讲) is given by the party-group secretary in person.</summary>
    public static Validation.Violations Check(Validation.Violations violations, string prefix, ActivityKind kind, bool byPartyGroupSecretary)
    {
        ArgumentNullException.ThrowIfNull(violations);
        return byPartyGroupSecretary && kind != ActivityKind.OutreachTalk
            ? violations.Add(prefix + ByPartyGroupSecretary.Name, "is recorded for outreach talks (宣讲) only")
            : violations;
    }

    /// <inheritdoc />
    public override int Order => 95;
    /// <inheritdoc />
    public override string Id => "activity";
    /// <inheritdoc />
    public override string BodyField => "activity";
    /// <inheritdoc />
    public override string Label => "主题活动";
    /// <inheritdoc />
    public override string Help => "重温入党誓词、现场参观学习、宣讲、志愿活动等主题活动，一次一条。";

    /// <inheritdoc />
    public override IReadOnlyList<EntryField> Fields { get; } =
    [
        Choice(Kind, "类型", "主题活动的类别。", new Dictionary<ActivityKind, string>
        {
            [ActivityKind.OathRenewal] = "重温入党誓词", [ActivityKind.SiteVisit] = "现场参观学习", [ActivityKind.OutreachTalk] = "宣讲",
            [ActivityKind.Volunteering] = "志愿活动", [ActivityKind.Other] = "其他",
        }),
        DateField("活动的日期。"),
        Field(Topic, "主题", "活动的主题。"),
        Field(Participants, "参加人数", "参加活动的人数；未统计时填 0。"),
        Field(Organiser, "组织者", "组织活动的单位或个人。"),
        Field(Theme, "围绕的主题", "同一时期活动共同围绕的主题，如“学习宣传贯彻党的二十大精神”；报告写“围绕…组织开展…等活动”。可不填。"),
        Field(ByPartyGroupSecretary, "党组书记带头宣讲", "宣讲是否由党组书记本人深入基层开展；报告写“带头深入基层宣讲…”。",
            when: When(Kind, ActivityKind.OutreachTalk)),
        NotesField("活动情况。"),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<ReportCount> Report { get; } =
    [
        Count("activities.total", ReportUnits.Times,
            new("主题活动", "组织开展重温入党誓词、现场参观学习等主题活动{n}次", "重温入党誓词、现场参观学习等主题活动本年度暂无记录")),
        Count("activities.participants", ReportUnits.PersonTimes, new("主题活动参加人次", "参加{n}人次", "参加人次暂无统计记录"), sum: Participants),
        Count("activities.oath-renewal", ReportUnits.Times, new("重温入党誓词", "重温入党誓词{n}次", "重温入党誓词暂无记录"),
            where: When(Kind, ActivityKind.OathRenewal)),
        Count("activities.site-visit", ReportUnits.Times, new("现场参观学习", "现场参观学习{n}次", "现场参观学习暂无记录"),
            where: When(Kind, ActivityKind.SiteVisit)),
        Count("activities.outreach-talk", ReportUnits.Times, new("宣讲", "宣讲{n}次", "宣讲暂无记录"), where: When(Kind, ActivityKind.OutreachTalk)),
        Count("activities.volunteering", ReportUnits.Times, new("志愿活动", "志愿活动{n}次", "志愿活动暂无记录"), where: When(Kind, ActivityKind.Volunteering)),
        // The sample's 围绕…，组织开展…等活动，带头深入基层宣讲…: the shared theme, the activities by their topics (宣讲 apart), and
        // the talks the party-group secretary gave in person by what they preached.
        Count("activities.theme", ReportUnits.Times, new("主题活动围绕的主题", "围绕{names}", "主题活动围绕的主题本年度暂无记录"), names: "{theme}"),
        Count("activities.named", ReportUnits.Times, new("组织开展的主题活动", "组织开展{names}等活动", "组织开展的主题活动本年度暂无记录"),
            where: When(Kind, ActivityKind.OathRenewal, ActivityKind.SiteVisit, ActivityKind.Volunteering, ActivityKind.Other), names: "{topic}"),
        new ReportCount("activities.led-outreach", ReportUnits.Times, WhereField: ByPartyGroupSecretary.Name, WhereValues: [bool.TrueString])
        {
            Wording = new("党组书记带头宣讲", "带头深入基层宣讲{names}", "党组书记带头宣讲本年度暂无记录"),
            Names = "{topic}",
        },
    ];

    /// <inheritdoc />
    public override ReportSentence Sentence { get; } = new("party-spirit",
        "{activities.total}（{activities.oath-renewal}、{activities.site-visit}、{activities.outreach-talk}、{activities.volunteering}），{activities.participants}。"
        + "{activities.theme}，{activities.named}，{activities.led-outreach}，引导党员干部在聚焦中心主业、遂行重大任务中持续深化党性锻炼。");
}
