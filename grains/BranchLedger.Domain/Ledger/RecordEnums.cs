namespace BranchLedger.Domain.Ledger;

/// <summary>Talks, and how they are counted in reports.</summary>
public enum TalkKind
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>廉政谈话 — counted per person (人次).</summary>
    Integrity = 1,
    /// <summary>集体谈话 — counted per session (次).</summary>
    Group = 2,
    /// <summary>谈话提醒 / 批评教育 — counted per person (人次).</summary>
    Reminder = 3,
    /// <summary>谈心谈话 — one pair of people; coverage of pairs is an obligation.</summary>
    HeartToHeart = 4,
}

/// <summary>Service of serving members in their communities.</summary>
public enum CommunityServiceKind
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>在职党员到社区报到 — members reporting to their community.</summary>
    MembersReporting = 1,
    /// <summary>A service session in a community.</summary>
    ServiceSession = 2,
}

/// <summary>The level of a brand project, honour or campaign.</summary>
public enum RecognitionLevel
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>全国</summary>
    National = 1,
    /// <summary>省级</summary>
    Provincial = 2,
    /// <summary>市级</summary>
    City = 3,
    /// <summary>区县级</summary>
    District = 4,
    /// <summary>Within the body itself.</summary>
    Internal = 5,
}

/// <summary>Where a brand project (党建品牌) stands.</summary>
public enum BrandStatus
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>Being built (创建中).</summary>
    Building = 1,
    /// <summary>Recognised by the awarding level (已命名).</summary>
    Recognised = 2,
    /// <summary>Withdrawn or lapsed.</summary>
    Withdrawn = 3,
}

/// <summary>Who an honour went to.</summary>
public enum RecipientKind
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>A person (display name only).</summary>
    Person = 1,
    /// <summary>A unit or organisation.</summary>
    Unit = 2,
}

/// <summary>Where a campaign such as 模范机关创建 stands.</summary>
public enum CampaignStatus
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>Launched.</summary>
    Launched = 1,
    /// <summary>Under way.</summary>
    InProgress = 2,
    /// <summary>Passed its assessment.</summary>
    Achieved = 3,
    /// <summary>Did not pass, or was dropped.</summary>
    NotAchieved = 4,
}

/// <summary>The three ordered parts of the annual self-assessment.</summary>
public enum SelfAssessmentSection
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>存在问题</summary>
    Problem = 1,
    /// <summary>原因分析</summary>
    Cause = 2,
    /// <summary>下一步措施</summary>
    NextStep = 3,
}
