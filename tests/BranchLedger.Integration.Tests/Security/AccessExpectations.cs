namespace BranchLedger.Integration.Tests.Security;

/// <summary>What kind of permission each RPC needs, written down independently of the gateway's table.</summary>
internal enum Need
{
    Authenticated,
    Read,
    RecordWrite,
    RecordReview,
    FindingVerify,
    DirectoryWrite,
    TenantCreate,
    CityRead,
    RubricPublish,
    AccessAdmin,
    AuditRead,
}

/// <summary>The README's role table, restated for the matrix test.</summary>
internal static class AccessExpectations
{
    public static readonly IReadOnlyDictionary<string, Need> Needs = Build();

    /// <summary>
    /// Reads that name no node (tenant settings, the node list filtered to what the caller may read):
    /// a branch secretary bound to other branches than the one the matrix asks about still gets them.
    /// Every other read and write names the matrix's branch.
    /// </summary>
    public static readonly IReadOnlySet<string> TenantLevel = new HashSet<string>(StringComparer.Ordinal)
    {
        "DirectoryService/GetTenant", "DirectoryService/ListNodes", "DirectoryService/ListObligations",
        "ReportService/ListReportTemplateVersions", "ReportService/GetReportTemplate", "ReportService/GetReportPreamble",
    };

    private static Dictionary<string, Need> Build()
    {
        var needs = new Dictionary<string, Need>(StringComparer.Ordinal);
        void Add(string service, Need need, params string[] methods)
        {
            foreach (var method in methods)
            {
                needs.Add($"{service}/{method}", need);
            }
        }

        Add("LedgerService", Need.RecordWrite,
            "RecordMeeting", "RecordTalk", "RecordQuarterlyReview", "RecordCommunityService", "RecordRiskPoint", "RecordBrandProject",
            "RecordHonour", "RecordCampaign", "RecordSelfAssessment", "CreateDutyItem", "RaiseFinding",
            "RecordFindingProgress", "ReopenFinding", "VoidRecord", "AmendRecord", "ImportRecords", "AppendRecord");
        // The matrix moves a duty item without verifying it (no status): a record write. Verifying it, like
        // closing a finding, needs findings.verify (VerifierTests).
        Add("LedgerService", Need.RecordWrite, "UpdateDutyItemStatus");
        Add("LedgerService", Need.FindingVerify, "CloseFinding");
        Add("LedgerService", Need.RecordReview, "ReviewRecord");
        Add("LedgerService", Need.DirectoryWrite, "SealYear");
        Add("LedgerService", Need.Read,
            "ListDutyItems", "ListFindings", "GetCompliance", "ListWarnings", "GetRecord", "ListRecords", "GetScore", "ListReviewQueue");
        Add("LedgerService", Need.Authenticated, "ListRecordKinds");
        Add("DirectoryService", Need.TenantCreate, "RegisterTenant");
        Add("DirectoryService", Need.DirectoryWrite,
            "UpdateTenantProfile", "CreateNode", "ImportNodes", "RenameNode", "MoveNode", "CloseNode", "SetRoster", "SetObligationOverrides");
        Add("DirectoryService", Need.Read, "GetTenant", "GetNode", "ListNodes", "ListNodeHistory", "ListRosters", "ListObligations");
        // The matrix asks the ranking service for city-wide views; tenant-scoped views are tested apart.
        Add("RankingService", Need.CityRead, "ListTopBranches", "GetDistribution", "WatchRanking", "ListTenantLeaderboard", "ListCityWarnings");
        Add("RankingService", Need.Read, "GetBranchRank", "GetBranchTrend", "GetOrganisationScore", "CompareBranches");
        Add("RubricService", Need.RubricPublish, "PublishRubric", "RebuildRankings");
        Add("RubricService", Need.Authenticated, "GetRubric", "ListRubricVersions", "GetRescoringStatus");
        Add("AccessService", Need.Authenticated, "GetCaller");
        Add("AccessService", Need.AccessAdmin, "BindRole", "UnbindRole", "CreateApiKey", "RevokeApiKey", "ListRoleBindings", "ListApiKeys");
        Add("AuditService", Need.AuditRead, "ListAuditEvents");
        Add("ReportService", Need.Read, "GenerateAnnualReport", "GetReportTrace", "ExportLedger");
        // Report wording is the tenant's setting: the party office edits it (drafts are its work in progress).
        Add("ReportService", Need.DirectoryWrite,
            "SaveReportTemplateDraft", "GetReportTemplateDraft", "PreviewReportTemplateDraft", "AdoptReportTemplateDraft", "SetReportPreamble");
        Add("ReportService", Need.Read, "ListReportTemplateVersions", "GetReportTemplate", "GetReportPreamble");
        // The matrix exports the city ranking.
        Add("ReportService", Need.CityRead, "ExportRankings");
        return needs;
    }
}
