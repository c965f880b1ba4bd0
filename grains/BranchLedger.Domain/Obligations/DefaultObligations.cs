using BranchLedger.Domain.Ledger;

namespace BranchLedger.Domain.Obligations;

/// <summary>
/// The default obligations every tenant starts from (the "Rules as data" table of the domain
/// notes). Tenants may only make them stricter (<see cref="ObligationOverrides"/>).
/// </summary>
public static class DefaultObligations
{
    /// <summary>
    /// The day the defaults take effect: the first full calendar year under the current branch work
    /// regulations. Ledgers from earlier years are kept but not assessed against these rules.
    /// </summary>
    public static readonly DateOnly Baseline = new(2019, 1, 1);

    private const string BranchRegulations = "中国共产党支部工作条例（试行）";

    /// <summary>支部党员大会: at least once a quarter, more than half of the voting members present.</summary>
    public static ObligationRule BranchGeneralMeeting { get; } = Branch(
        "branch-general-meeting", "支部党员大会", MeetingKind.BranchGeneralMeeting, Frequency.Quarterly,
        QuorumRule.MoreThanHalfOf(QuorumBasis.VotingMembers));

    /// <summary>支委会: at least once a month, more than half of the committee present.</summary>
    public static ObligationRule BranchCommitteeMeeting { get; } = Branch(
        "branch-committee-meeting", "支委会", MeetingKind.BranchCommitteeMeeting, Frequency.Monthly,
        QuorumRule.MoreThanHalfOf(QuorumBasis.CommitteeMembers));

    /// <summary>党小组会: at least once a month.</summary>
    public static ObligationRule SmallGroupMeeting { get; } = Branch(
        "small-group-meeting", "党小组会", MeetingKind.SmallGroupMeeting, Frequency.Monthly);

    /// <summary>党课 for members: at least once a quarter (local practice).</summary>
    public static ObligationRule PartyLecture { get; } = Branch(
        "party-lecture", "党课", MeetingKind.PartyLecture, Frequency.Quarterly,
        source: BranchRegulations + "；地方规定");

    /// <summary>书记讲党课: the secretary lectures at least once a year.</summary>
    public static ObligationRule SecretaryLecture { get; } = new(
        "secretary-lecture", "支部书记讲党课", ObligationSubject.SecretaryLecture, Frequency.Yearly, 1, null,
        ObligationScope.Branch, Baseline, null, BranchRegulations + "；地方规定");

    /// <summary>主题党日: at least once a month.</summary>
    public static ObligationRule ThemeDay { get; } = Branch(
        "theme-day", "主题党日", MeetingKind.ThemeDay, Frequency.Monthly);

    /// <summary>组织生活会: at least once a year.</summary>
    public static ObligationRule OrganisationalLifeMeeting { get; } = Branch(
        "organisational-life-meeting", "组织生活会", MeetingKind.OrganisationalLifeMeeting, Frequency.Yearly);

    /// <summary>民主评议党员: at least once a year.</summary>
    public static ObligationRule MemberAppraisal { get; } = Branch(
        "member-appraisal", "民主评议党员", MeetingKind.MemberAppraisal, Frequency.Yearly);

    /// <summary>谈心谈话: every committee–committee and committee–member pair at least once a year.</summary>
    public static ObligationRule HeartToHeartTalks { get; } = new(
        "heart-to-heart-talks", "谈心谈话", ObligationSubject.TalkPairs, Frequency.Yearly, 1, null,
        ObligationScope.Branch, Baseline, null, BranchRegulations);

    /// <summary>民主生活会: at least once a year, at least 2/3 of the expected attendees present.</summary>
    public static ObligationRule DemocraticLifeMeeting { get; } = new(
        "democratic-life-meeting", "民主生活会", ObligationSubject.MeetingOf(MeetingKind.DemocraticLifeMeeting),
        Frequency.Yearly, 1, QuorumRule.AtLeast(2, 3, QuorumBasis.ExpectedAttendees),
        ObligationScope.Organisation, Baseline, null, "县以上党和国家机关党员领导干部民主生活会若干规定");

    /// <summary>理论学习中心组学习: at least once a quarter (≥ 12 a year is common practice; a tenant override).</summary>
    public static ObligationRule TheoryStudyGroup { get; } = new(
        "theory-study-group", "理论学习中心组学习", ObligationSubject.MeetingOf(MeetingKind.TheoryStudyGroup),
        Frequency.Quarterly, 1, null, ObligationScope.Organisation, Baseline, null, "省级党委理论学习中心组学习规定");

    /// <summary>党组听取党建工作汇报: at least once a quarter (some cities twice a year — then a different rule version).</summary>
    public static ObligationRule PartyBuildingReview { get; } = new(
        "party-building-review", "党组听取党建工作汇报", ObligationSubject.PartyBuildingReview,
        Frequency.Quarterly, 1, null, ObligationScope.Organisation, Baseline, null, "租户参数（默认每季度一次）");

    /// <summary>Every default rule, branch rules first, in the order reports list them.</summary>
    public static IReadOnlyList<ObligationRule> All { get; } =
    [
        BranchGeneralMeeting,
        BranchCommitteeMeeting,
        SmallGroupMeeting,
        PartyLecture,
        SecretaryLecture,
        ThemeDay,
        OrganisationalLifeMeeting,
        MemberAppraisal,
        HeartToHeartTalks,
        DemocraticLifeMeeting,
        TheoryStudyGroup,
        PartyBuildingReview,
    ];

    /// <summary>The default rules that bind a unit of <paramref name="scope"/>.</summary>
    public static IReadOnlyList<ObligationRule> For(ObligationScope scope) => All.Where(r => r.AppliesTo == scope).ToList();

    private static ObligationRule Branch(
        string id, string name, MeetingKind kind, Frequency frequency, QuorumRule? quorum = null, string source = BranchRegulations) =>
        new(id, name, ObligationSubject.MeetingOf(kind), frequency, 1, quorum, ObligationScope.Branch, Baseline, null, source);
}
