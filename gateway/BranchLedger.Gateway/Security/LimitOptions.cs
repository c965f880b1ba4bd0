namespace BranchLedger.Gateway.Security;

/// <summary>The <c>Limits</c> configuration section: fair sharing between tenants and clients.</summary>
internal sealed class LimitOptions
{
    /// <summary>Sustained requests per second of one tenant (all its clients together).</summary>
    public int TenantRequestsPerSecond { get; set; } = 400;

    /// <summary>Requests one tenant may send at once above the sustained rate.</summary>
    public int TenantBurst { get; set; } = 800;

    /// <summary>Sustained requests per second of one credential.</summary>
    public int ClientRequestsPerSecond { get; set; } = 200;

    /// <summary>Burst of one credential.</summary>
    public int ClientBurst { get; set; } = 400;

    /// <summary>Imported rows per second of one tenant: bulk imports pay per row, not per call.</summary>
    public int TenantImportRowsPerSecond { get; set; } = 20_000;

    /// <summary>Calls of one tenant in flight at once, so no tenant can occupy the whole gateway.</summary>
    public int TenantConcurrency { get; set; } = 64;

    /// <summary>The longest the gateway works on one call, whatever deadline the client sent.</summary>
    public int MaxCallSeconds { get; set; } = 30;

    /// <summary>The largest request message accepted.</summary>
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;
}
