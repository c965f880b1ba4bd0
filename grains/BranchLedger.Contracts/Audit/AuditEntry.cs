namespace BranchLedger.Contracts.Audit;

/// <summary>
/// One mutation as the audit trail keeps it: who (subject and credential), when, which request, what
/// (RPC and targets) and how it ended. Tenant is null for platform-level changes.
/// </summary>
[GenerateSerializer, Immutable, Alias("branchledger.audit.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string? Tenant,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Credential,
    [property: Id(4)] string RequestId,
    [property: Id(5)] string Rpc,
    [property: Id(6)] string Targets,
    [property: Id(7)] string Outcome);

/// <summary>An entry with its position in the trail.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.audit.AuditEvent")]
public sealed record AuditEvent([property: Id(0)] long Sequence, [property: Id(1)] AuditEntry Entry);

/// <summary>
/// A page of the trail, oldest first: entries of <paramref name="Tenants"/> (null: all, including
/// platform-level ones) after <paramref name="AfterSequence"/>, optionally only one subject's.
/// </summary>
[GenerateSerializer, Immutable, Alias("branchledger.audit.AuditQuery")]
public sealed record AuditQuery(
    [property: Id(0)] IReadOnlyList<string>? Tenants,
    [property: Id(1)] long AfterSequence,
    [property: Id(2)] int Max,
    [property: Id(3)] string? Subject = null,
    [property: Id(4)] DateTimeOffset? Since = null,
    [property: Id(5)] DateTimeOffset? Until = null);

/// <summary>The append-only audit trail, kept in PostgreSQL (one row per entry).</summary>
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    /// <summary>Appends one entry; completes only when it is durable.</summary>
    Task Append(AuditEntry entry);

    /// <summary>A page of entries matching the query.</summary>
    Task<IReadOnlyList<AuditEvent>> Query(AuditQuery query);
}
