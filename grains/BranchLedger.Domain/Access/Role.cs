namespace BranchLedger.Domain.Access;

/// <summary>What a credential may do, before its tenant and node scopes narrow it.</summary>
public enum Role
{
    /// <summary>Creates tenants and binds any role; never reads a tenant's records.</summary>
    PlatformAdmin,

    /// <summary>Runs one tenant: its directory, records, people and API keys.</summary>
    TenantAdmin,

    /// <summary>Writes the records of their own branches and reads their own tenant.</summary>
    BranchSecretary,

    /// <summary>City level: reads every tenant and the city rankings, publishes rubrics.</summary>
    Supervisor,

    /// <summary>Read-only over some tenants or all, including the audit trail.</summary>
    Auditor,

    /// <summary>Another system, scoped to tenants and an explicit set of permissions (API keys).</summary>
    SystemClient,

    /// <summary>
    /// 纪检委员 / 核查人: reads one tenant and verifies remediation (closes findings, verifies duty
    /// items), in the whole tenant or, when narrowed, on their nodes only. Writes no other records.
    /// </summary>
    Verifier,
}
