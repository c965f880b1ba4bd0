namespace BranchLedger.Domain.Reports;

/// <summary>The stable keys of the annual report's figures; renderers and exports look figures up by them.</summary>
public static class ReportFigureKeys
{
    /// <summary>
    /// Every figure key: the constants below (figures counted in code) and the keys the record catalogue's
    /// kinds declare (<see cref="Ledger.Catalogue.RecordKindForm.Report"/>), in that order.
    /// </summary>
    public static IReadOnlyList<string> All { get; } =
    [
        .. typeof(ReportFigureKeys).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!),
        .. Ledger.Catalogue.RecordCatalogue.Kinds.SelectMany(k => k.Report).Select(r => r.Key),
    ];

    /// <summary>党组会 held (次).</summary>
    public const string PartyGroupMeetings = "meetings.party-group";
    /// <summary>理事长办公会 held (次).</summary>
    public const string ChairOfficeMeetings = "meetings.chair-office";
    /// <summary>理论学习中心组学习 sessions (次).</summary>
    public const string TheoryStudySessions = "meetings.theory-study";
    /// <summary>周二机关干部学习 sessions (次).</summary>
    public const string WeeklyStudies = "meetings.weekly-study";
    /// <summary>党员讲坛 issues (期).</summary>
    public const string MembersForums = "meetings.members-forum";
    /// <summary>学习研讨 sessions (次).</summary>
    public const string StudyDiscussions = "meetings.study-discussion";
    /// <summary>专题辅导 issues (期), named by the lecturers they record.</summary>
    public const string SpecialLectures = "meetings.special-lecture";
    /// <summary>民主生活会 held (次).</summary>
    public const string DemocraticLifeMeetings = "meetings.democratic-life";
    /// <summary>主题党日 held, over all branches (次).</summary>
    public const string ThemeDays = "meetings.theme-day";
    /// <summary>组织生活会 held, over all branches (次).</summary>
    public const string OrganisationalLifeMeetings = "meetings.organisational-life";
    /// <summary>民主评议党员 held, over all branches (次).</summary>
    public const string MemberAppraisals = "meetings.member-appraisal";
    /// <summary>座谈会 held, e.g. with young cadres (次).</summary>
    public const string Symposiums = "meetings.symposium";
    /// <summary>警示教育 sessions (次).</summary>
    public const string WarningEducation = "meetings.warning-education";
    /// <summary>党课 given by the secretary (次).</summary>
    public const string SecretaryLectures = "lectures.by-secretary";
    /// <summary>党课 the party-group secretary gave at a branch as an invited lecturer (次); not the branch secretary's own.</summary>
    public const string PartyGroupSecretaryLectures = "lectures.by-party-group-secretary";
    /// <summary>党组会 and 中心组学习 the party-group secretary chaired (主持召开, 次).</summary>
    public const string ChairedBySecretary = "meetings.chaired-by-secretary";
    /// <summary>Branch meetings the party-group secretary attended as an ordinary member (双重组织生活, 次), named by kind.</summary>
    public const string AttendedAsMember = "meetings.attended-as-member";
    /// <summary>三会一课 sessions held, over all branches (次).</summary>
    public const string ThreeMeetingsHeld = "three-meetings.held";
    /// <summary>三会一课 sessions required, over all branches (次).</summary>
    public const string ThreeMeetingsRequired = "three-meetings.required";
    /// <summary>Branches that held at least what was required (个).</summary>
    public const string ThreeMeetingsBranchesMet = "three-meetings.branches-met";
    /// <summary>廉政谈话 (人次).</summary>
    public const string IntegrityTalks = "talks.integrity";
    /// <summary>集体谈话 (次).</summary>
    public const string GroupTalks = "talks.group";
    /// <summary>谈话提醒 / 批评教育 (人次).</summary>
    public const string ReminderTalks = "talks.reminder";
    /// <summary>谈心谈话 held, one per recorded pair (次).</summary>
    public const string HeartToHeartTalks = "talks.heart-to-heart";
    /// <summary>Integrity-risk points recorded (个).</summary>
    public const string RiskPoints = "risk.points";
    /// <summary>Integrity-risk control measures (条).</summary>
    public const string RiskMeasures = "risk.measures";
    /// <summary>Serving members reporting to their communities (名).</summary>
    public const string MembersReporting = "community.members-reporting";
    /// <summary>The in-service members on the rosters given with members reporting (名): 全部 when it equals <see cref="MembersReporting"/>.</summary>
    public const string MembersRoster = "community.roster";
    /// <summary>Service sessions of members in communities (次).</summary>
    public const string ServiceSessions = "community.service-sessions";
    /// <summary>Party-building reviews heard (次).</summary>
    public const string QuarterlyReviews = "reviews.held";
    /// <summary>Quarters in which at least one review was heard (个).</summary>
    public const string QuartersReviewed = "reviews.quarters-covered";
    /// <summary>Duty-list items due in the year (项).</summary>
    public const string DutiesDue = "duties.due";
    /// <summary>Of those, done or verified (项).</summary>
    public const string DutiesDone = "duties.done";
    /// <summary>Of those, done on time (项).</summary>
    public const string DutiesDoneOnTime = "duties.done-on-time";
    /// <summary>Of those, not yet done (项).</summary>
    public const string DutiesOpen = "duties.open";
    /// <summary>Inspection findings raised in the year (项).</summary>
    public const string FindingsRaised = "findings.raised";
    /// <summary>Of those, closed after verification (项).</summary>
    public const string FindingsClosed = "findings.closed";
    /// <summary>Of those, still open (项).</summary>
    public const string FindingsOpen = "findings.open";
    /// <summary>Of those, open past their deadline (项).</summary>
    public const string FindingsOverdue = "findings.overdue";
    /// <summary>National brand projects standing (个).</summary>
    public const string BrandsNational = "brands.national";
    /// <summary>Provincial brand projects standing (个).</summary>
    public const string BrandsProvincial = "brands.provincial";
    /// <summary>City brand projects standing (个).</summary>
    public const string BrandsCity = "brands.city";
    /// <summary>District and in-house brand projects standing (个).</summary>
    public const string BrandsLocal = "brands.local";
    /// <summary>Brand projects recognised (已命名), any level (个).</summary>
    public const string BrandsRecognised = "brands.recognised";
    /// <summary>Honours awarded in the year, any level (项).</summary>
    public const string Honours = "honours.total";
    /// <summary>National honours (项).</summary>
    public const string HonoursNational = "honours.national";
    /// <summary>Honours to units (集体), named: who, by whom, what (项).</summary>
    public const string HonoursCollective = "honours.collective";
    /// <summary>Honours to persons (个人), named by the honour (名).</summary>
    public const string HonoursIndividual = "honours.individual";
    /// <summary>Provincial honours (项).</summary>
    public const string HonoursProvincial = "honours.provincial";
    /// <summary>City honours (项).</summary>
    public const string HonoursCity = "honours.city";
    /// <summary>Campaigns such as 模范机关创建 with a record in the year, each counted once however many status records it has (项).</summary>
    public const string Campaigns = "campaigns.total";
    /// <summary>Of those, the ones whose latest record in the year says achieved (项).</summary>
    public const string CampaignsAchieved = "campaigns.achieved";
    /// <summary>Findings raised in the year, named by their sources (结合审计整改、巡察整改…) (项).</summary>
    public const string FindingSources = "findings.sources";
}
