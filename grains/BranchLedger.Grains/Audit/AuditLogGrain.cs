using BranchLedger.Contracts.Audit;
using Orleans.Concurrency;

namespace BranchLedger.Grains.Audit;

/// <summary>
/// A stateless front for the audit store, so the gateway stays a pure Orleans client and every silo
/// can take appends (one activation per silo, no single hot grain).
/// </summary>
[StatelessWorker]
public sealed class AuditLogGrain(IAuditStore store) : Grain, IAuditLogGrain
{
    /// <inheritdoc />
    public Task Append(AuditEntry entry) => store.AppendAsync(entry);

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEvent>> Query(AuditQuery query) => store.QueryAsync(query);
}
