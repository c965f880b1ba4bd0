namespace BranchLedger.Domain.Ledger;

/// <summary>The kinds of meeting and study session a ledger holds (values match the API's enum).</summary>
public enum MeetingKind
{
    /// <summary>Not set; never valid in a record.</summary>
    Unspecified = 0,
    /// <summary>党组会</summary>
    PartyGroupMeeting = 1,
    /// <summary>理事长办公会</summary>
    ChairOfficeMeeting = 2,
    /// <summary>理论学习中心组学习</summary>
    TheoryStudyGroup = 3,
    /// <summary>周二机关干部学习</summary>
    WeeklyCadreStudy = 4,
    /// <summary>党员讲坛</summary>
    MembersForum = 5,
    /// <summary>学习研讨</summary>
    StudyDiscussion = 6,
    /// <summary>专题辅导</summary>
    SpecialLecture = 7,
    /// <summary>支部党员大会</summary>
    BranchGeneralMeeting = 8,
    /// <summary>支委会</summary>
    BranchCommitteeMeeting = 9,
    /// <summary>党小组会</summary>
    SmallGroupMeeting = 10,
    /// <summary>党课</summary>
    PartyLecture = 11,
    /// <summary>主题党日</summary>
    ThemeDay = 12,
    /// <summary>组织生活会</summary>
    OrganisationalLifeMeeting = 13,
    /// <summary>民主生活会</summary>
    DemocraticLifeMeeting = 14,
    /// <summary>民主评议党员</summary>
    MemberAppraisal = 15,
    /// <summary>座谈会</summary>
    Symposium = 16,
    /// <summary>警示教育</summary>
    WarningEducation = 17,
}
