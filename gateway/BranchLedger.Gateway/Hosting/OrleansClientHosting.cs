using BranchLedger.Hosting;
using Orleans.Configuration;

namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// The gateway is an Orleans client that finds silos through the same ADO.NET membership table
/// the silos write, so it needs no list of silo addresses.
/// </summary>
internal static class OrleansClientHosting
{
    public static WebApplicationBuilder AddBranchLedgerOrleansClient(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var connectionString = configuration.GetConnectionString("BranchLedger");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Set the PostgreSQL connection string ConnectionStrings__BranchLedger (see README, Configuration).");
        }

        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = configuration["Orleans:ClusterId"] ?? "branchledger-local";
                o.ServiceId = configuration["Orleans:ServiceId"] ?? "branchledger";
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            ClusterTls.From(configuration)?.Apply(client);
        });
        return builder;
    }
}
