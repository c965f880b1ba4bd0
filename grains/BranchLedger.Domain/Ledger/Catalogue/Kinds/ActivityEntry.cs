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
    ];

    /// <inheritdoc />
    public override ReportSentence Sentence { get; } = new("party-spirit",
        "{activities.total}（{activities.oath-renewal}、{activities.site-visit}、{activities.outreach-talk}、{activities.volunteering}），{activities.participants}。");
}
