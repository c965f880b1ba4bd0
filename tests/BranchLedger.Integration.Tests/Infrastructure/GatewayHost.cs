using BranchLedger.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>
/// The real gateway host in process (ASP.NET Core test server). It is an Orleans client that finds
/// the silos through the ADO.NET membership table, as in production.
/// </summary>
public sealed class GatewayHost(string connectionString, string clusterId) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:BranchLedger", connectionString);
        builder.UseSetting("Orleans:ClusterId", clusterId);
        builder.UseSetting("Orleans:ServiceId", "branchledger-test");
        builder.UseSetting("Auth:LocalSigningKey", TestCredentials.SigningKey);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Extra configuration for this host (e.g. low limits), applied last.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public GrpcChannel Channel() => GrpcChannel.ForAddress(
        Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    public LedgerService.LedgerServiceClient Ledger() => new(Channel());

    /// <summary>Call metadata of a tenant's admin (see <see cref="TestCredentials.TenantAdmin"/>).</summary>
    public static Metadata As(string tenant, string user = "secretary") => TestCredentials.TenantAdmin(tenant, user);
}
