using System.Security.Claims;
using BranchLedger.Api.V1;
using BranchLedger.Auth;
using BranchLedger.Domain.Access;
using BranchLedger.Gateway.Security;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace BranchLedger.Integration.Tests.Security;

/// <summary>
/// Every RPC of every service the gateway serves, called with every role, about the caller's own
/// tenant and about another: each cell must be allowed or denied exactly as the role table says. A
/// branch secretary bound to a sibling branch stands for least privilege: it reads and writes only its
/// own branches (the tenant setting that widens reads is tested in <see cref="LeastPrivilegeTests"/>).
/// </summary>
public sealed class AuthorizationMatrixTests(GatewayFixture fixture, ITestOutputHelper output) : IClassFixture<GatewayFixture>
{
    private const string Branch = "b1";
    private const string Sibling = "b2";
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    [Fact]
    public void Every_served_rpc_and_download_declares_a_permission_and_has_an_expectation()
    {
        // What the gateway actually serves, read from its endpoints: gRPC methods, their JSON routes, downloads.
        var endpoints = fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var grpc = endpoints
            .Select(e => (Endpoint: e, Method: e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName))
            .Where(e => e.Method is not null && !OpenServices.Contains(e.Method))
            .ToList();
        var served = ServedMethods().Select(m => "/" + m.Service.FullName + "/" + m.Method.Name).ToList();
        Assert.NotEmpty(served);
        Assert.Equal(served.Order(StringComparer.Ordinal), grpc.Select(e => e.Method!).Distinct().Order(StringComparer.Ordinal));
        Assert.All(grpc, e => Assert.True(e.Endpoint.Metadata.GetMetadata<RequiresPermissionAttribute>() is not null && Policies.DeclaredBy(e.Endpoint) is not null,
            $"{e.Endpoint.DisplayName} ({e.Method}) declares no permission"));
        Assert.All(served, m => Assert.True(AccessExpectations.Needs.ContainsKey(m["/branchledger.v1.".Length..]), $"no expectation for {m}"));

        var downloads = endpoints.OfType<RouteEndpoint>().Where(e => e.RoutePattern.RawText?.StartsWith("/v1/downloads", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(3, downloads.Count); // rankings, annual report, ledger
        Assert.All(downloads, e => Assert.True(Policies.DeclaredBy(e) is not null, $"{e.RoutePattern.RawText} declares no permission"));
    }

    [Fact]
    public void Every_node_scoped_rpc_request_tells_authorization_its_node()
    {
        // Node scopes narrow tenant.read and records.write: a request naming a node without saying so
        // typed would count as reading the whole tenant, refused to every branch secretary.
        var endpoints = fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var narrowed = endpoints
            .Where(e => Policies.DeclaredBy(e) is Permission.TenantRead or Permission.RecordWrite)
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(narrowed);
        foreach (var (service, method) in ServedMethods().Where(m => narrowed.Contains("/" + m.Service.FullName + "/" + m.Method.Name)))
        {
            var type = method.InputType.ClrType;
            var namesNode = method.InputType.FindFieldByName("node_id") is not null;
            Assert.True(namesNode ? typeof(INodeScoped).IsAssignableFrom(type) : typeof(INodeScoped).IsAssignableFrom(type) || typeof(ITenantLevel).IsAssignableFrom(type),
                $"{service.Name}/{method.Name}: {type.Name} should implement {(namesNode ? nameof(INodeScoped) : nameof(INodeScoped) + " or " + nameof(ITenantLevel))}");
        }
    }

    [Fact]
    public async Task A_grpc_method_that_declares_no_permission_is_refused_to_every_credential()
    {
        // The gateway's own fallback policy and handlers, on an endpoint like grpc-dotnet's without the attribute.
        var services = fixture.Host.Services;
        var fallback = await services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        Assert.NotNull(fallback);
        var method = new Method<byte[], byte[]>(MethodType.Unary, "branchledger.v1.LedgerService", "Undeclared", Bytes, Bytes);
        var http = new DefaultHttpContext { RequestServices = services };
        http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new GrpcMethodMetadata(typeof(object), method)), "undeclared"));
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "mx-admin")], "test"));
        var authorization = services.GetRequiredService<IAuthorizationService>();

        var refused = await authorization.AuthorizeAsync(admin, http, fallback);
        Assert.False(refused.Succeeded);
        Assert.Equal("/branchledger.v1.LedgerService/Undeclared is not open to any credential.",
            Assert.Single(refused.Failure!.FailureReasons).Message);

        // The control: health stays open, and so does anything that is not a gRPC method.
        var health = new Method<byte[], byte[]>(MethodType.Unary, "grpc.health.v1.Health", "Check", Bytes, Bytes);
        http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new GrpcMethodMetadata(typeof(object), health)), "health"));
        Assert.True((await authorization.AuthorizeAsync(new ClaimsPrincipal(), http, fallback)).Succeeded);
        http.SetEndpoint(null);
        Assert.True((await authorization.AuthorizeAsync(new ClaimsPrincipal(), http, fallback)).Succeeded);
    }

    [Fact]
    public async Task Every_rpc_allows_or_denies_every_role_in_its_own_and_another_tenant()
    {
        var own = "mx-own-" + Guid.NewGuid().ToString("N")[..6];
        var other = "mx-other-" + Guid.NewGuid().ToString("N")[..6];
        var keys = new Dictionary<string, string>();
        string systemKey = "";
        foreach (var tenant in new[] { own, other })
        {
            await fixture.EnsureAsync(tenant, Branch);
            keys[tenant] = (await CreateKeyAsync(tenant, "victim")).Key.KeyId;
        }

        systemKey = (await CreateKeyAsync(own, "system", $"system-client@{own}!tenant.read,records.write")).KeyText;
        var roles = Roles(own, systemKey);
        var requests = new MatrixRequests(Branch, Infrastructure.Nodes.Root, keys);
        var invoker = fixture.Host.Channel().CreateCallInvoker();

        var mismatches = new List<string>();
        var cells = 0;
        var summary = roles.ToDictionary(r => r.Name, _ => (Allowed: 0, Denied: 0));
        foreach (var (service, method) in ServedMethods())
        {
            var rpc = service.Name + "/" + method.Name;
            foreach (var role in roles)
            {
                foreach (var (target, isOwn) in new[] { (own, true), (other, false) })
                {
                    var expected = Expect(rpc, AccessExpectations.Needs[rpc], role, isOwn);
                    var request = requests.For(rpc, method.InputType, target);
                    var actual = await CallAsync(invoker, service, method, request, role.Credentials(target));
                    cells++;
                    var ok = expected switch
                    {
                        StatusCode.OK => actual is not (StatusCode.PermissionDenied or StatusCode.Unauthenticated or StatusCode.Internal or StatusCode.Unknown),
                        _ => actual == expected,
                    };
                    if (!ok)
                    {
                        mismatches.Add($"{rpc} as {role.Name} in {(isOwn ? "own" : "other")} tenant: expected {(expected == StatusCode.OK ? "allowed" : expected)}, got {actual}");
                    }

                    var counts = summary[role.Name];
                    summary[role.Name] = expected == StatusCode.OK ? (counts.Allowed + 1, counts.Denied) : (counts.Allowed, counts.Denied + 1);
                }
            }
        }

        output.WriteLine($"{cells} cells: {ServedMethods().Count()} RPCs x {roles.Count} roles x 2 tenants");
        foreach (var (role, counts) in summary)
        {
            output.WriteLine($"  {role,-18} allowed {counts.Allowed,3}  denied {counts.Denied,3}");
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    private static StatusCode Expect(string rpc, Need need, MatrixRole role, bool ownTenant) =>
        role.Allowed is null ? StatusCode.Unauthenticated
        : !ownTenant && !role.ReachesEveryTenant ? StatusCode.PermissionDenied
        : need == Need.Authenticated ? StatusCode.OK
        // Least privilege: a grant bound to other nodes neither reads nor writes the matrix's branch.
        : role.OtherNodes && need is Need.Read or Need.RecordWrite && !AccessExpectations.TenantLevel.Contains(rpc) ? StatusCode.PermissionDenied
        : role.Allowed.Contains(need) ? StatusCode.OK
        : StatusCode.PermissionDenied;

    private static List<MatrixRole> Roles(string own, string systemKey)
    {
        Metadata Token(string subject, string target, params Grant[] grants) => TestCredentials.Bearer(subject, target, grants);
        return
        [
            new("anonymous", null, true, _ => []),
            new("platform-admin", [Need.TenantCreate, Need.AccessAdmin, Need.AuditRead], true,
                t => Token("mx-platform", t, Grant.Everywhere(Role.PlatformAdmin))),
            new("tenant-admin", [Need.Read, Need.RecordWrite, Need.RecordReview, Need.FindingVerify, Need.DirectoryWrite, Need.AccessAdmin, Need.AuditRead], false,
                t => Token("mx-admin", t, Grant.For(Role.TenantAdmin, own))),
            new("branch-secretary", [Need.Read, Need.RecordWrite], false,
                t => Token("mx-secretary", t, Grant.For(Role.BranchSecretary, own, [Branch]))),
            new("verifier", [Need.Read, Need.FindingVerify], false,
                t => Token("mx-verifier", t, Grant.For(Role.Verifier, own, [Branch]))),
            new("sibling-secretary", [Need.Read, Need.RecordWrite], false,
                t => Token("mx-sibling", t, Grant.For(Role.BranchSecretary, own, [Sibling]))) { OtherNodes = true },
            new("supervisor", [Need.Read, Need.CityRead, Need.RubricPublish, Need.AuditRead], true,
                t => Token("mx-supervisor", t, Grant.Everywhere(Role.Supervisor))),
            new("auditor", [Need.Read, Need.AuditRead], false,
                t => Token("mx-auditor", t, Grant.For(Role.Auditor, own))),
            new("system-client", [Need.Read, Need.RecordWrite], false,
                t => new Metadata { { BranchLedgerClaims.ApiKeyHeader, systemKey }, { BranchLedgerClaims.TenantHeader, t } }),
        ];
    }

    private async Task<CreateApiKeyResponse> CreateKeyAsync(string tenant, string name, string? grant = null) =>
        await new AccessService.AccessServiceClient(fixture.Host.Channel()).CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Name = name, Grant = grant ?? $"system-client@{tenant}!tenant.read", RequestId = $"setup-{tenant}-{name}",
        }, TestCredentials.Bearer("mx-setup", tenant, Grant.Everywhere(Role.PlatformAdmin)));

    private static async Task<StatusCode> CallAsync(CallInvoker invoker, ServiceDescriptor service, MethodDescriptor method, IMessage request, Metadata headers)
    {
        var options = new CallOptions(headers, DateTime.UtcNow.AddSeconds(method.IsServerStreaming ? 3 : 30));
        try
        {
            if (method.IsServerStreaming)
            {
                var streaming = new Method<byte[], byte[]>(MethodType.ServerStreaming, service.FullName, method.Name, Bytes, Bytes);
                using var call = invoker.AsyncServerStreamingCall(streaming, null, options, request.ToByteArray());
                await call.ResponseStream.MoveNext(CancellationToken.None);
                return StatusCode.OK;
            }

            var unary = new Method<byte[], byte[]>(MethodType.Unary, service.FullName, method.Name, Bytes, Bytes);
            await invoker.AsyncUnaryCall(unary, null, options, request.ToByteArray());
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private static IEnumerable<(ServiceDescriptor Service, MethodDescriptor Method)> ServedMethods() =>
        ApiSurface.Services.SelectMany(s => s.Methods.Select(m => (s, m)));

    private sealed record MatrixRole(string Name, Need[]? Allowed, bool ReachesEveryTenant, Func<string, Metadata> Credentials)
    {
        /// <summary>Bound to other nodes of its tenant than the branch the matrix asks about.</summary>
        public bool OtherNodes { get; init; }
    }
}
