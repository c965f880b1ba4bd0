using BranchLedger.Contracts.Audit;

namespace BranchLedger.Grains.Audit;

/// <summary>Where the audit trail is kept. Append-only: the store offers no update and no delete.</summary>
public interface IAuditStore
{
    /// <summary>Appends one entry durably and returns its sequence.</summary>
    Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Entries matching the query, oldest first.</summary>
    Task<IReadOnlyList<AuditEvent>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
