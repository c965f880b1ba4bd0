namespace BranchLedger.Grains;

/// <summary>Names of the grain storage providers the silo registers.</summary>
public static class StorageNames
{
    /// <summary>The durable store of ledgers (ADO.NET on PostgreSQL).</summary>
    public const string Ledger = "ledger";
}
