using BranchLedger.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>
/// The real gateway host in process (ASP.NET Core test server), as an Orleans client of a
/// <see cref="LedgerCluster"/> found through the same membership table.
/// </summary>
public sealed class GatewayHost : WebApplicationFactory<Program>
{
    private readonly LedgerCluster _cluster;

    public GatewayHost(LedgerCluster cluster) => _cluster = cluster;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:BranchLedger", _cluster.ConnectionString);
        builder.UseSetting("Orleans:ClusterId", _cluster.ClusterId);
        builder.UseSetting("Orleans:ServiceId", "branchledger-test");
    }

    public GrpcChannel Channel() => GrpcChannel.ForAddress(
        Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    public LedgerService.LedgerServiceClient Ledger() => new(Channel());

    /// <summary>Call metadata for a tenant (the foundation's stand-in for a credential).</summary>
    public static Metadata As(string tenant, string user = "secretary") =>
        new() { { "x-branchledger-tenant", tenant }, { "x-branchledger-user", user } };
}
