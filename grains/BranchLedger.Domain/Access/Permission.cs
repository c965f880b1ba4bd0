namespace BranchLedger.Domain.Access;

/// <summary>The things an RPC can require. <see cref="None"/> means "any authenticated caller".</summary>
[Flags]
public enum Permission
{
    /// <summary>Nothing beyond a valid credential (the published rubric, who-am-I).</summary>
    None = 0,

    /// <summary>Read a tenant's directory, records, compliance, scores, reports and tenant rankings.</summary>
    TenantRead = 1,

    /// <summary>Write records (append, correct, import); narrowed to nodes for branch secretaries.</summary>
    RecordWrite = 2,

    /// <summary>Change a tenant's directory: nodes, rosters, obligation overrides, year seals.</summary>
    DirectoryWrite = 4,

    /// <summary>Read across tenants: city rankings, tenant leaderboard, city warnings.</summary>
    CityRead = 8,

    /// <summary>Publish rubrics and rebuild the rankings.</summary>
    RubricPublish = 16,

    /// <summary>Read the audit trail.</summary>
    AuditRead = 32,

    /// <summary>Bind roles and issue API keys (within the tenants of the grant).</summary>
    AccessAdmin = 64,

    /// <summary>Register tenants.</summary>
    TenantCreate = 128,

    /// <summary>
    /// Review a tenant's records (mark read, return with a reason): the party office's duty, so tenant
    /// admins hold it and branch secretaries do not — a branch never signs off its own records.
    /// </summary>
    RecordReview = 256,

    /// <summary>
    /// Verify remediation: close findings (销号) and mark duty items verified. Held by tenant admins and
    /// verifiers (纪检委员 / 核查人), never by branch secretaries, so a branch does not sign off its own
    /// remediation; the ledger also refuses a closure by whoever raised or remediated the finding.
    /// </summary>
    FindingVerify = 512,
}
