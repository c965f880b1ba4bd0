namespace BranchLedger.Domain.Reports;

/// <summary>
/// The current records of an organisation and its branches that the annual report counts. Built by the
/// grain layer; void records are left out and amended ones are passed as amended, so the figures never
/// need to know about corrections. Facts may cover any dates: the computation picks the year's.
/// </summary>
public sealed record ReportFacts
{
    /// <summary>No records at all.</summary>
    public static ReportFacts Empty { get; } = new();

    /// <summary>Meetings and study sessions.</summary>
    public IReadOnlyList<MeetingFact> Meetings { get; init; } = [];

    /// <summary>Integrity, group, reminder and heart-to-heart talks.</summary>
    public IReadOnlyList<TalkFact> Talks { get; init; } = [];

    /// <summary>Integrity-risk points.</summary>
    public IReadOnlyList<RiskPointFact> RiskPoints { get; init; } = [];

    /// <summary>Community service.</summary>
    public IReadOnlyList<CommunityServiceFact> CommunityService { get; init; } = [];

    /// <summary>Party-building reviews heard by the party group.</summary>
    public IReadOnlyList<QuarterlyReviewFact> QuarterlyReviews { get; init; } = [];

    /// <summary>Duty-list items.</summary>
    public IReadOnlyList<DutyItemReportFact> DutyItems { get; init; } = [];

    /// <summary>Inspection findings.</summary>
    public IReadOnlyList<FindingReportFact> Findings { get; init; } = [];

    /// <summary>Brand projects.</summary>
    public IReadOnlyList<BrandFact> Brands { get; init; } = [];

    /// <summary>Honours and role models.</summary>
    public IReadOnlyList<HonourFact> Honours { get; init; } = [];

    /// <summary>Campaign status records.</summary>
    public IReadOnlyList<CampaignFact> Campaigns { get; init; } = [];

    /// <summary>三会一课 held vs required, per branch and year.</summary>
    public IReadOnlyList<ThreeMeetingsOneLectureFact> ThreeMeetingsOneLecture { get; init; } = [];

    /// <summary>Self-assessment entries.</summary>
    public IReadOnlyList<SelfAssessmentFact> SelfAssessment { get; init; } = [];

    /// <summary>Records of the kinds the catalogue declares report figures for (主题活动, …).</summary>
    public IReadOnlyList<RecordFact> Records { get; init; } = [];
}
