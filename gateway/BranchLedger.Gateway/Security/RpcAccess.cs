using BranchLedger.Domain.Access;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// Every RPC the gateway serves and what it needs. An RPC missing here is refused (fail closed), and a
/// test checks that every served method has an entry.
/// </summary>
internal static class RpcAccess
{
    /// <summary>Services anyone may call without a credential: health and reflection.</summary>
    public static readonly IReadOnlySet<string> OpenServices = new HashSet<string>(StringComparer.Ordinal)
    {
        "grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection", "grpc.reflection.v1.ServerReflection",
    };

    private static readonly Dictionary<string, RpcRule> Rules = Build();

    /// <summary>The rule of a full method name ("/package.Service/Method"), or null.</summary>
    public static RpcRule? Find(string method) => Rules.GetValueOrDefault(method);

    /// <summary>Every method with a rule.</summary>
    public static IEnumerable<string> Methods => Rules.Keys;

    /// <summary>Whether the method belongs to an open service.</summary>
    public static bool IsOpen(string method) => OpenServices.Contains(method.TrimStart('/').Split('/')[0]);

    private static Dictionary<string, RpcRule> Build()
    {
        var rules = new Dictionary<string, RpcRule>(StringComparer.Ordinal);
        void Add(string service, RpcRule rule, params string[] methods)
        {
            foreach (var method in methods)
            {
                rules.Add($"/branchledger.v1.{service}/{method}", rule);
            }
        }

        Add("LedgerService", RpcRule.RecordWrite,
            "RecordMeeting", "RecordTalk", "RecordQuarterlyReview", "RecordCommunityService", "RecordRiskPoint", "RecordBrandProject",
            "RecordHonour", "RecordCampaign", "RecordSelfAssessment", "CreateDutyItem", "RaiseFinding",
            "RecordFindingProgress", "ReopenFinding", "VoidRecord", "AmendRecord", "ImportRecords");
        // Verification is a sign-off by someone other than the branch (verifier role); the ledger also refuses the finding's own people.
        Add("LedgerService", new RpcRule(Permission.FindingVerify, Mutation: true), "CloseFinding");
        // records.write moves a duty item, findings.verify verifies it: the handler demands one by the status asked for.
        Add("LedgerService", RpcRule.ScopedWrite, "UpdateDutyItemStatus");
        // The party office reviews what branches recorded; a branch never signs off its own records.
        Add("LedgerService", new RpcRule(Permission.RecordReview, Mutation: true), "ReviewRecord");
        Add("LedgerService", RpcRule.DirectoryWrite, "SealYear");
        Add("LedgerService", RpcRule.Read,
            "ListDutyItems", "ListFindings", "GetCompliance", "ListWarnings", "GetRecord", "ListRecords", "GetScore", "ListReviewQueue");

        Add("LedgerService", RpcRule.Authenticated, "ListRecordKinds");

        Add("DirectoryService", new RpcRule(Permission.TenantCreate, Mutation: true), "RegisterTenant");
        Add("DirectoryService", RpcRule.DirectoryWrite,
            "UpdateTenantProfile", "CreateNode", "ImportNodes", "RenameNode", "MoveNode", "CloseNode", "SetRoster", "SetObligationOverrides");
        Add("DirectoryService", RpcRule.Read, "GetTenant", "GetNode", "ListNodes", "ListNodeHistory", "ListRosters", "ListObligations");

        Add("RankingService", RpcRule.Read, "GetBranchRank", "GetBranchTrend", "GetOrganisationScore");
        Add("RankingService", new RpcRule(Permission.CityRead), "ListTenantLeaderboard", "ListCityWarnings");
        Add("RankingService", RpcRule.Scoped, "ListTopBranches", "CompareBranches", "GetDistribution", "WatchRanking");

        Add("RubricService", new RpcRule(Permission.RubricPublish, Mutation: true), "PublishRubric", "RebuildRankings");
        Add("RubricService", RpcRule.Authenticated, "GetRubric", "ListRubricVersions", "GetRescoringStatus");

        Add("AccessService", RpcRule.Authenticated, "GetCaller");
        Add("AccessService", RpcRule.ScopedWrite, "BindRole", "UnbindRole", "CreateApiKey", "RevokeApiKey");
        Add("AccessService", RpcRule.Scoped, "ListRoleBindings", "ListApiKeys");

        Add("AuditService", RpcRule.Scoped, "ListAuditEvents");

        Add("ReportService", RpcRule.Read, "GenerateAnnualReport", "GetReportTrace", "ExportLedger");
        // A ranking export is a ranking read: the same city or tenant checks, made by the ranking handlers it reuses.
        Add("ReportService", RpcRule.Scoped, "ExportRankings");
        return rules;
    }
}
