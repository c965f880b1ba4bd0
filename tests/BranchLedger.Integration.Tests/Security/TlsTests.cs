using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;

namespace BranchLedger.Integration.Tests.Security;

/// <summary>
/// The gateway over HTTPS/HTTP2 with a configured certificate, and Orleans TLS between the gateway and
/// the silo, as real processes: a write and a read succeed only if both secured hops work.
/// </summary>
public sealed class TlsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("branchledger-tls-").FullName;

    [Fact]
    public async Task The_gateway_serves_https_and_talks_to_the_silo_over_tls()
    {
        var (path, password, thumbprint) = CreateCertificate();
        var db = await TestPostgres.CreateDatabaseAsync("tls");
        await using var platform = new LocalPlatform(db,
            both: new Dictionary<string, string>
            {
                ["Orleans__Tls__CertificatePath"] = path,
                ["Orleans__Tls__CertificatePassword"] = password,
            },
            gateway: new Dictionary<string, string>
            {
                ["Kestrel__Endpoints__Grpc__Certificate__Path"] = path,
                ["Kestrel__Endpoints__Grpc__Certificate__Password"] = password,
            },
            grpcScheme: "https");
        await platform.StartAsync();
        var port = platform.GrpcPort;

        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint,
        };
        using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{port}", new GrpcChannelOptions { HttpHandler = handler });
        var directory = new DirectoryService.DirectoryServiceClient(channel);
        await RetryAsync(() => Nodes.EnsureAsync(directory, "tenant-tls", "office-branch", members: 20));

        var ledger = new LedgerService.LedgerServiceClient(channel);
        var written = await ledger.RecordMeetingAsync(Meetings.Request("office-branch", "tls-1"), GatewayHost.As("tenant-tls"));
        var read = await ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "office-branch" }, GatewayHost.As("tenant-tls"));
        Assert.Equal(written.Record.RecordId, Assert.Single(read.Records).RecordId);

        // Plain HTTP/2 to the HTTPS port gets nowhere.
        using var plain = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new DirectoryService.DirectoryServiceClient(plain).GetTenantAsync(new GetTenantRequest(), GatewayHost.As("tenant-tls")).ResponseAsync);
        Assert.NotEqual(StatusCode.OK, refused.StatusCode);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (string Path, string Password, string Thumbprint) CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=branchledger-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var path = Path.Combine(_folder, "cluster.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return (path, password, certificate.Thumbprint);
    }

    private static async Task RetryAsync(Func<Task> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await action();
                return;
            }
            catch (RpcException) when (attempt < 30)
            {
                await Task.Delay(1000);
            }
        }
    }
}
