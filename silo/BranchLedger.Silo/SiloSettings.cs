using System.Net;

namespace BranchLedger.Silo;

/// <summary>The silo's configuration, read once from configuration (environment variables included).</summary>
public sealed record SiloSettings(
    string ConnectionString,
    string ClusterId,
    string ServiceId,
    IPAddress AdvertisedAddress,
    bool ListenOnAnyAddress,
    int SiloPort,
    int GatewayPort,
    bool MigrateOnStart)
{
    /// <summary>Reads the settings; the connection string is required.</summary>
    public static SiloSettings From(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("BranchLedger");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Set the PostgreSQL connection string ConnectionStrings__BranchLedger (see README, Configuration).");
        }

        var orleans = configuration.GetSection("Orleans");
        return new SiloSettings(
            connectionString,
            orleans["ClusterId"] ?? "branchledger-local",
            orleans["ServiceId"] ?? "branchledger",
            IPAddress.Parse(orleans["AdvertisedAddress"] ?? IPAddress.Loopback.ToString()),
            orleans.GetValue("ListenOnAnyAddress", false),
            orleans.GetValue("SiloPort", 11111),
            orleans.GetValue("GatewayPort", 30000),
            configuration.GetValue("Database:MigrateOnStart", false));
    }
}
