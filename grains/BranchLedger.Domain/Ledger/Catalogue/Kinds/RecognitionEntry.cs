using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Reports;

// In the ledger's namespace, beside the other kinds' enums: the API's RecognitionKind matches it by name and number.
namespace BranchLedger.Domain.Ledger;

/// <summary>How a named brand, mechanism or piece of work was recognised.</summary>
public enum RecognitionKind
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>评为 / 命名.</summary>
    Named = 1,
    /// <summary>肯定评价.</summary>
    Praised = 2,
    /// <summary>列为试点.</summary>
    Pilot = 3,
    /// <summary>做经验介绍.</summary>
    ExperienceSharing = 4,
}

/// <summary>
/// 认可推广: who recognised a named brand, mechanism or piece of work and how (评为, 肯定评价, 列为试点, 做经验介绍).
/// The brand itself stays a 党建品牌 record (its level and status) and an award to a person or unit an 荣誉 record:
/// this kind adds what neither holds, the recogniser and the words, so the report names which brand.
/// Recorded by AppendRecord, its rules in RecognitionDetails.
/// </summary>
public sealed class RecognitionEntry : RecordKindEntry
{
    /// <summary>How it was recognised.</summary>
    public static readonly FieldRule Kind = ChoiceRule("kind");
    /// <summary>What was recognised, as the report names it.</summary>
    public static readonly FieldRule Subject = Title("subject");
    /// <summary>Who recognised it.</summary>
    public static readonly FieldRule RecognisedBy = Name("recognised_by", required: true);
    /// <summary>What it was named or said (the pilot, the words of praise).</summary>
    public static readonly FieldRule Wording = Title("wording", required: false);

    /// <summary>The rule across its fields: a naming, a praise or a pilot says what (only experience sharing may leave it out).</summary>
    public static Validation.Violations Check(Validation.Violations violations, string prefix, RecognitionKind kind, string? wording)
    {
        ArgumentNullException.ThrowIfNull(violations);
        return kind is RecognitionKind.Named or RecognitionKind.Praised or RecognitionKind.Pilot && string.IsNullOrWhiteSpace(wording)
            ? violations.Add(prefix + Wording.Name, "is required for a naming, a praise or a pilot")
            : violations;
    }

    /// <inheritdoc />
    public override int Order => 65;
    /// <inheritdoc />
    public override string Id => "recognition";
    /// <inheritdoc />
    public override string BodyField => "recognition";
    /// <inheritdoc />
    public override string Label => "认可推广";
    /// <inheritdoc />
    public override string Help => "党建品牌、工作机制或重点工作被上级评为、肯定、列为试点或请去做经验介绍，一次一条。";
    /// <inheritdoc />
    /// <remarks>A unit's own work: a small group (党小组) acts within its branch and records it there.</remarks>
    public override IReadOnlyList<Directory.NodeKind> NodeLevels => BranchAndAbove;

    /// <inheritdoc />
    public override IReadOnlyList<EntryField> Fields { get; } =
    [
        Choice(Kind, "认可方式", "被评为、肯定评价、列为试点还是做经验介绍。", new Dictionary<RecognitionKind, string>
        {
            [RecognitionKind.Named] = "评为", [RecognitionKind.Praised] = "肯定评价", [RecognitionKind.Pilot] = "列为试点",
            [RecognitionKind.ExperienceSharing] = "经验介绍",
        }),
        DateField("获得认可的日期。"),
        Field(Subject, "品牌或工作", "被认可的品牌、机制或工作的名称，如“助残连心”党建服务品牌。"),
        Field(RecognisedBy, "认可单位", "评价、命名或请去介绍经验的单位或领导，如市直机关工委、全国。"),
        Field(Wording, "认可内容", "评为的称号、评价的原话或试点的名称；经验介绍可不填。"),
        NotesField("补充说明。"),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<ReportCount> Report { get; } =
    [
        // The first counts every record (the report-coverage catalogue takes it as the kind's figure).
        Count("recognitions.total", ReportUnits.Items, new("认可推广", "全年品牌和工作获上级评为、肯定、列为试点或推广经验{n}项", "品牌和工作获上级认可推广本年度暂无记录")),
        Count("recognitions.named", ReportUnits.Items, new("品牌命名", "{names}", "党建品牌本年度暂无命名记录"),
            where: When(Kind, RecognitionKind.Named), names: "{subject}被{recognised_by}评为{wording}"),
        Count("recognitions.praised", ReportUnits.Items, new("肯定评价", "{names}", "本年度暂无上级肯定评价记录"),
            where: When(Kind, RecognitionKind.Praised), names: "{subject}被{recognised_by}评价“{wording}”"),
        Count("recognitions.pilot", ReportUnits.Items, new("列为试点", "纳入{names}", "本年度暂无列为试点记录"),
            where: When(Kind, RecognitionKind.Pilot), names: "{wording}"),
        Count("recognitions.experience", ReportUnits.Items, new("经验介绍", "{names}等重点工作", "本年度暂无经验介绍记录"),
            where: When(Kind, RecognitionKind.ExperienceSharing), names: "{subject}"),
        Count("recognitions.experience-at", ReportUnits.Items, new("经验介绍场合", "先后在{names}做经验介绍", "暂无经验介绍场合记录"),
            where: When(Kind, RecognitionKind.ExperienceSharing), names: "{recognised_by}"),
    ];

    /// <inheritdoc />
    public override ReportSentence Sentence { get; } = new("models",
        "{recognitions.praised}、{recognitions.pilot}，{recognitions.experience}{recognitions.experience-at}。{recognitions.total}。");
}
