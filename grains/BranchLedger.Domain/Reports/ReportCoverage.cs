using BranchLedger.Domain.Ledger;

namespace BranchLedger.Domain.Reports;

/// <summary>
/// Where every kind of record the platform accepts shows in the annual report, or why it deliberately
/// does not. One catalogue, so nothing can be recorded and then silently go unreported: tests walk the
/// API's record kinds and sub-kinds against it, and a kind added later fails them until it is placed here.
/// Families are named as the API names the record body's field (<c>meeting</c>, <c>talk</c>, …).
/// </summary>
public static class ReportCoverage
{
    /// <summary>The family's sub-kind (meeting kind, talk kind, …) decides the figure: see the per-kind maps.</summary>
    public const string BySubKind = "by-sub-kind";

    /// <summary>Self-assessment entries are the report's text (二、存在问题及原因, 三、下一步思路和措施), not a figure.</summary>
    public const string SelfAssessmentText = "self-assessment";

    /// <summary>
    /// The families a report counts: the figure key each feeds, <see cref="BySubKind"/>, or
    /// <see cref="SelfAssessmentText"/>. Brand projects: the key for their level is in <see cref="BrandLevels"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Families { get; } = CountedInCode()
        // Kinds added through the catalogue feed the figures their entry declares; the first is every record's.
        .Concat(Ledger.Catalogue.RecordCatalogue.Kinds.Where(k => k.Report.Count > 0).Select(k => KeyValuePair.Create(k.BodyField, k.Report[0].Key)))
        .ToDictionary(StringComparer.Ordinal);

    private static Dictionary<string, string> CountedInCode() => new(StringComparer.Ordinal)
    {
        ["meeting"] = BySubKind,
        ["talk"] = BySubKind,
        ["community_service"] = BySubKind,
        ["brand_project"] = BySubKind,
        ["quarterly_review"] = ReportFigureKeys.QuarterlyReviews,
        ["risk_point"] = ReportFigureKeys.RiskPoints,
        ["honour"] = ReportFigureKeys.Honours,
        ["campaign"] = ReportFigureKeys.Campaigns,
        ["self_assessment"] = SelfAssessmentText,
        ["duty_item"] = ReportFigureKeys.DutiesDue,
        ["finding"] = ReportFigureKeys.FindingsRaised,
    };

    /// <summary>
    /// Entries deliberately left out of the report, each with the reason: a family (<c>review</c>) or one
    /// sub-kind of a family (<c>brand_project:Withdrawn</c>, see <see cref="Key"/>). They are steps of,
    /// or remarks on, records the report already counts, so counting them too would report the same work twice.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Excluded { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Key("brand_project", BrandStatus.Withdrawn)] = "a withdrawn brand no longer stands: it leaves the brand figures rather than being counted",
        ["duty_progress"] = "a step of a duty item: its outcome is reported on the item (duties.done, duties.done-on-time, duties.open)",
        ["finding_progress"] = "a progress note on a finding: the finding's outcome is reported instead (findings.open, findings.overdue)",
        ["finding_closure"] = "销号 of a finding: reported as the finding's outcome (findings.closed), not as a record of its own",
        ["finding_reopening"] = "回头看 reopening a finding: reported as the finding's outcome (it counts as open again)",
        ["correction"] = "a void or amendment of another record: the report counts that record as corrected (void left out, amended as amended)",
        ["review"] = "the party office's 已阅 / 退回 of another record: it never changes what the record says and counts for no compliance, score or report",
    };

    /// <summary>How <see cref="Excluded"/> names one sub-kind of a family.</summary>
    public static string Key<TKind>(string family, TKind subKind) where TKind : struct, Enum => $"{family}:{subKind}";

    /// <summary>
    /// 三会一课: these meetings reach the report through compliance (three-meetings.held against
    /// three-meetings.required), counted per branch and closed period because their frequencies and quorums
    /// are rules held as data; a party lecture given by the secretary also counts in lectures.by-secretary.
    /// </summary>
    public static IReadOnlySet<MeetingKind> ThreeMeetingsOneLecture { get; } = new HashSet<MeetingKind>
    {
        MeetingKind.BranchGeneralMeeting, MeetingKind.BranchCommitteeMeeting, MeetingKind.SmallGroupMeeting, MeetingKind.PartyLecture,
    };

    /// <summary>The figure each meeting kind feeds.</summary>
    public static IReadOnlyDictionary<MeetingKind, string> Meetings { get; } = new Dictionary<MeetingKind, string>
    {
        [MeetingKind.PartyGroupMeeting] = ReportFigureKeys.PartyGroupMeetings,
        [MeetingKind.ChairOfficeMeeting] = ReportFigureKeys.ChairOfficeMeetings,
        [MeetingKind.TheoryStudyGroup] = ReportFigureKeys.TheoryStudySessions,
        [MeetingKind.WeeklyCadreStudy] = ReportFigureKeys.WeeklyStudies,
        [MeetingKind.MembersForum] = ReportFigureKeys.MembersForums,
        [MeetingKind.StudyDiscussion] = ReportFigureKeys.StudyDiscussions,
        [MeetingKind.SpecialLecture] = ReportFigureKeys.SpecialLectures,
        [MeetingKind.BranchGeneralMeeting] = ReportFigureKeys.ThreeMeetingsHeld,
        [MeetingKind.BranchCommitteeMeeting] = ReportFigureKeys.ThreeMeetingsHeld,
        [MeetingKind.SmallGroupMeeting] = ReportFigureKeys.ThreeMeetingsHeld,
        [MeetingKind.PartyLecture] = ReportFigureKeys.ThreeMeetingsHeld,
        [MeetingKind.ThemeDay] = ReportFigureKeys.ThemeDays,
        [MeetingKind.OrganisationalLifeMeeting] = ReportFigureKeys.OrganisationalLifeMeetings,
        [MeetingKind.DemocraticLifeMeeting] = ReportFigureKeys.DemocraticLifeMeetings,
        [MeetingKind.MemberAppraisal] = ReportFigureKeys.MemberAppraisals,
        [MeetingKind.Symposium] = ReportFigureKeys.Symposiums,
        [MeetingKind.WarningEducation] = ReportFigureKeys.WarningEducation,
    };

    /// <summary>The figure each talk kind feeds.</summary>
    public static IReadOnlyDictionary<TalkKind, string> Talks { get; } = new Dictionary<TalkKind, string>
    {
        [TalkKind.Integrity] = ReportFigureKeys.IntegrityTalks,
        [TalkKind.Group] = ReportFigureKeys.GroupTalks,
        [TalkKind.Reminder] = ReportFigureKeys.ReminderTalks,
        [TalkKind.HeartToHeart] = ReportFigureKeys.HeartToHeartTalks,
    };

    /// <summary>The figure each kind of community service feeds.</summary>
    public static IReadOnlyDictionary<CommunityServiceKind, string> CommunityService { get; } = new Dictionary<CommunityServiceKind, string>
    {
        [CommunityServiceKind.MembersReporting] = ReportFigureKeys.MembersReporting,
        [CommunityServiceKind.ServiceSession] = ReportFigureKeys.ServiceSessions,
    };

    /// <summary>The figure a standing brand project feeds, by its level.</summary>
    public static IReadOnlyDictionary<RecognitionLevel, string> BrandLevels { get; } = new Dictionary<RecognitionLevel, string>
    {
        [RecognitionLevel.National] = ReportFigureKeys.BrandsNational,
        [RecognitionLevel.Provincial] = ReportFigureKeys.BrandsProvincial,
        [RecognitionLevel.City] = ReportFigureKeys.BrandsCity,
        [RecognitionLevel.District] = ReportFigureKeys.BrandsLocal,
        [RecognitionLevel.Internal] = ReportFigureKeys.BrandsLocal,
    };
}
