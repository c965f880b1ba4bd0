using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Reports;

namespace BranchLedger.Contracts.Reports;

[GenerateSerializer, Immutable, Alias("branchledger.FindingReportFact")]
internal readonly record struct FindingReportFactSurrogate(
    [property: Id(0)] string NodeId, [property: Id(1)] long Sequence, [property: Id(2)] DateOnly Raised,
    [property: Id(3)] bool Closed, [property: Id(4)] bool Overdue, [property: Id(5)] string? Source);

[RegisterConverter]
internal sealed class FindingReportFactConverter : IConverter<FindingReportFact, FindingReportFactSurrogate>
{
    // A payload from before the source was carried has none (null): read as not recorded.
    public FindingReportFact ConvertFromSurrogate(in FindingReportFactSurrogate s) => new(s.NodeId, s.Sequence, s.Raised, s.Closed, s.Overdue, s.Source ?? "");
    public FindingReportFactSurrogate ConvertToSurrogate(in FindingReportFact v) => new(v.NodeId, v.Sequence, v.Raised, v.Closed, v.Overdue, v.Source);
}

[GenerateSerializer, Immutable, Alias("branchledger.BrandFact")]
internal readonly record struct BrandFactSurrogate(
    [property: Id(0)] string NodeId, [property: Id(1)] long Sequence, [property: Id(2)] RecognitionLevel Level,
    [property: Id(3)] BrandStatus Status, [property: Id(4)] DateOnly Date, [property: Id(5)] string Name);

[RegisterConverter]
internal sealed class BrandFactConverter : IConverter<BrandFact, BrandFactSurrogate>
{
    public BrandFact ConvertFromSurrogate(in BrandFactSurrogate s) => new(s.NodeId, s.Sequence, s.Level, s.Status, s.Date, s.Name ?? "");
    public BrandFactSurrogate ConvertToSurrogate(in BrandFact v) => new(v.NodeId, v.Sequence, v.Level, v.Status, v.Date, v.Name);
}

[GenerateSerializer, Immutable, Alias("branchledger.HonourFact")]
internal readonly record struct HonourFactSurrogate(
    [property: Id(0)] string NodeId, [property: Id(1)] long Sequence, [property: Id(2)] RecognitionLevel Level,
    [property: Id(3)] RecipientKind Recipient, [property: Id(4)] DateOnly Date, [property: Id(5)] string Title,
    [property: Id(6)] string RecipientName, [property: Id(7)] string AwardedBy);

[RegisterConverter]
internal sealed class HonourFactConverter : IConverter<HonourFact, HonourFactSurrogate>
{
    public HonourFact ConvertFromSurrogate(in HonourFactSurrogate s) =>
        new(s.NodeId, s.Sequence, s.Level, s.Recipient, s.Date, s.Title ?? "", s.RecipientName ?? "", s.AwardedBy ?? "");
    public HonourFactSurrogate ConvertToSurrogate(in HonourFact v) => new(v.NodeId, v.Sequence, v.Level, v.Recipient, v.Date, v.Title, v.RecipientName, v.AwardedBy);
}

[GenerateSerializer, Immutable, Alias("branchledger.CampaignFact")]
internal readonly record struct CampaignFactSurrogate(
    [property: Id(0)] string NodeId, [property: Id(1)] long Sequence, [property: Id(2)] string Name,
    [property: Id(3)] CampaignStatus Status, [property: Id(4)] DateOnly Date);

[RegisterConverter]
internal sealed class CampaignFactConverter : IConverter<CampaignFact, CampaignFactSurrogate>
{
    public CampaignFact ConvertFromSurrogate(in CampaignFactSurrogate s) => new(s.NodeId, s.Sequence, s.Name, s.Status, s.Date);
    public CampaignFactSurrogate ConvertToSurrogate(in CampaignFact v) => new(v.NodeId, v.Sequence, v.Name, v.Status, v.Date);
}

[GenerateSerializer, Immutable, Alias("branchledger.ThreeMeetingsOneLectureFact")]
internal readonly record struct ThreeMeetingsOneLectureFactSurrogate(
    [property: Id(0)] string NodeId, [property: Id(1)] int Year, [property: Id(2)] int Held, [property: Id(3)] int Required);

[RegisterConverter]
internal sealed class ThreeMeetingsOneLectureFactConverter : IConverter<ThreeMeetingsOneLectureFact, ThreeMeetingsOneLectureFactSurrogate>
{
    public ThreeMeetingsOneLectureFact ConvertFromSurrogate(in ThreeMeetingsOneLectureFactSurrogate s) => new(s.NodeId, s.Year, s.Held, s.Required);
    public ThreeMeetingsOneLectureFactSurrogate ConvertToSurrogate(in ThreeMeetingsOneLectureFact v) => new(v.NodeId, v.Year, v.Held, v.Required);
}

[GenerateSerializer, Immutable, Alias("branchledger.SelfAssessmentFact")]
internal readonly record struct SelfAssessmentFactSurrogate(
    [property: Id(0)] string NodeId, [property: Id(1)] long Sequence, [property: Id(2)] int Year,
    [property: Id(3)] SelfAssessmentSection Section, [property: Id(4)] int Order, [property: Id(5)] string Text);

[RegisterConverter]
internal sealed class SelfAssessmentFactConverter : IConverter<SelfAssessmentFact, SelfAssessmentFactSurrogate>
{
    public SelfAssessmentFact ConvertFromSurrogate(in SelfAssessmentFactSurrogate s) => new(s.NodeId, s.Sequence, s.Year, s.Section, s.Order, s.Text);
    public SelfAssessmentFactSurrogate ConvertToSurrogate(in SelfAssessmentFact v) => new(v.NodeId, v.Sequence, v.Year, v.Section, v.Order, v.Text);
}

[GenerateSerializer, Immutable, Alias("branchledger.RecordFact")]
internal readonly record struct RecordFactSurrogate(
    [property: Id(0)] string NodeId, [property: Id(1)] long Sequence, [property: Id(2)] string Family,
    [property: Id(3)] DateOnly Date, [property: Id(4)] Dictionary<string, string> Fields);

[RegisterConverter]
internal sealed class RecordFactConverter : IConverter<RecordFact, RecordFactSurrogate>
{
    public RecordFact ConvertFromSurrogate(in RecordFactSurrogate s) => new(s.NodeId, s.Sequence, s.Family, s.Date, s.Fields);
    public RecordFactSurrogate ConvertToSurrogate(in RecordFact v) =>
        new(v.NodeId, v.Sequence, v.Family, v.Date, new Dictionary<string, string>(v.Fields, StringComparer.Ordinal));
}

[GenerateSerializer, Immutable, Alias("branchledger.ReportFacts")]
internal readonly record struct ReportFactsSurrogate
{
    [Id(0)] public IReadOnlyList<MeetingFact>? Meetings { get; init; }
    [Id(1)] public IReadOnlyList<TalkFact>? Talks { get; init; }
    [Id(2)] public IReadOnlyList<RiskPointFact>? RiskPoints { get; init; }
    [Id(3)] public IReadOnlyList<CommunityServiceFact>? CommunityService { get; init; }
    [Id(4)] public IReadOnlyList<QuarterlyReviewFact>? QuarterlyReviews { get; init; }
    [Id(5)] public IReadOnlyList<DutyItemReportFact>? DutyItems { get; init; }
    [Id(6)] public IReadOnlyList<FindingReportFact>? Findings { get; init; }
    [Id(7)] public IReadOnlyList<BrandFact>? Brands { get; init; }
    [Id(8)] public IReadOnlyList<HonourFact>? Honours { get; init; }
    [Id(9)] public IReadOnlyList<ThreeMeetingsOneLectureFact>? ThreeMeetingsOneLecture { get; init; }
    [Id(10)] public IReadOnlyList<SelfAssessmentFact>? SelfAssessment { get; init; }
    [Id(11)] public IReadOnlyList<CampaignFact>? Campaigns { get; init; }
    [Id(12)] public IReadOnlyList<RecordFact>? Records { get; init; }
}

[RegisterConverter]
internal sealed class ReportFactsConverter : IConverter<ReportFacts, ReportFactsSurrogate>
{
    // A list left out on the wire (null) reads as empty, as ReportFacts defaults it.
    public ReportFacts ConvertFromSurrogate(in ReportFactsSurrogate s) => new()
    {
        Meetings = s.Meetings ?? [], Talks = s.Talks ?? [], RiskPoints = s.RiskPoints ?? [],
        CommunityService = s.CommunityService ?? [], QuarterlyReviews = s.QuarterlyReviews ?? [],
        DutyItems = s.DutyItems ?? [], Findings = s.Findings ?? [], Brands = s.Brands ?? [], Honours = s.Honours ?? [],
        ThreeMeetingsOneLecture = s.ThreeMeetingsOneLecture ?? [], SelfAssessment = s.SelfAssessment ?? [],
        Campaigns = s.Campaigns ?? [], Records = s.Records ?? [],
    };

    public ReportFactsSurrogate ConvertToSurrogate(in ReportFacts v) => new()
    {
        Meetings = v.Meetings, Talks = v.Talks, RiskPoints = v.RiskPoints, CommunityService = v.CommunityService,
        QuarterlyReviews = v.QuarterlyReviews, DutyItems = v.DutyItems, Findings = v.Findings, Brands = v.Brands,
        Honours = v.Honours, ThreeMeetingsOneLecture = v.ThreeMeetingsOneLecture, SelfAssessment = v.SelfAssessment,
        Campaigns = v.Campaigns, Records = v.Records,
    };
}
