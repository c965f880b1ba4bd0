using BranchLedger.Grains.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace BranchLedger.Grains.Security;

/// <summary>Registers the tenant boundary filters and the audit store on a silo.</summary>
public static class SecurityHosting
{
    /// <summary>Adds the silo-side security pieces; the audit trail lives in <paramref name="connectionString"/>'s database.</summary>
    public static ISiloBuilder AddBranchLedgerSecurity(this ISiloBuilder silo, string connectionString)
    {
        silo.AddIncomingGrainCallFilter<TenantBoundaryFilter>();
        silo.AddOutgoingGrainCallFilter<TenantStampFilter>();
        silo.Services.AddSingleton<IAuditStore>(_ => new PostgresAuditStore(connectionString));
        return silo;
    }
}
