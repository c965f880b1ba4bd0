using BranchLedger.Api.V1;
using BranchLedger.Domain.Access;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Security;

/// <summary>A gateway that accepts tokens of a real OIDC issuer on loopback beside its local key, and names a first platform admin.</summary>
public class OidcGatewayFixture : GatewayFixture
{
    public TestOidcIssuer Issuer { get; private set; } = null!;

    /// <summary>Whether the gateway believes grant claims in the issuer's tokens.</summary>
    protected virtual bool TrustIssuerGrants => false;

    protected override IReadOnlyDictionary<string, string> GatewaySettings => new Dictionary<string, string>
    {
        ["Auth:Authority"] = Issuer.Url,
        ["Auth:RequireHttpsMetadata"] = "false",
        ["Auth:TrustIssuerGrants"] = TrustIssuerGrants ? "true" : "false",
        ["Auth:PlatformAdmins:0"] = OidcIssuerTests.FirstAdmin,
    };

    public override async Task InitializeAsync()
    {
        Issuer = await TestOidcIssuer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Issuer.DisposeAsync();
    }

    /// <summary>Metadata carrying an issuer token.</summary>
    public Metadata As(string subject, params Grant[] grants) => new() { { "authorization", "Bearer " + Issuer.Token(subject, grants) } };
}

/// <summary>The same, configured to believe the issuer's grant claims.</summary>
public sealed class TrustingOidcGatewayFixture : OidcGatewayFixture
{
    protected override bool TrustIssuerGrants => true;
}

/// <summary>Tokens from an OIDC issuer: keys discovered over HTTP, grants from bindings unless the issuer is trusted.</summary>
public sealed class OidcIssuerTests(OidcGatewayFixture fixture) : IClassFixture<OidcGatewayFixture>
{
    public const string FirstAdmin = "oidc-root";

    [Fact]
    public async Task The_configured_first_admin_registers_a_body_and_binds_its_admin_who_then_works_with_issuer_tokens()
    {
        var access = new AccessService.AccessServiceClient(fixture.Host.Channel());
        var root = fixture.As(FirstAdmin);

        var me = await access.GetCallerAsync(new GetCallerRequest(), root);
        await fixture.Directory.RegisterTenantAsync(new RegisterTenantRequest
        {
            RequestId = "oidc-body",
            Profile = new TenantProfile { DisplayName = "市测试协会", BodyKind = BodyKind.PeoplesOrganisation, TimeZone = "Asia/Shanghai" },
        }, new Metadata { root[0], { "x-branchledger-tenant", "oidc-body" } });
        await access.BindRoleAsync(new BindRoleRequest { Subject = "oidc-alice", Grant = "tenant-admin@oidc-body", RequestId = "bind-alice" }, root);
        var tenant = await fixture.Directory.GetTenantAsync(new GetTenantRequest(), fixture.As("oidc-alice"));

        Assert.Equal($"token:{fixture.Issuer.Url}", me.Credential);
        Assert.Equal(["platform-admin@*"], me.Grants);
        Assert.Equal("市测试协会", tenant.Tenant.Profile.DisplayName);
    }

    [Fact]
    public async Task Grant_claims_of_an_untrusted_issuer_are_ignored()
    {
        var claimsSupervisor = fixture.As("oidc-claims", Grant.Everywhere(Role.Supervisor));

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = "2026" }, claimsSupervisor).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task Tokens_for_another_audience_or_signed_with_another_key_are_unauthenticated_while_local_tokens_still_work()
    {
        var audience = new Metadata { { "authorization", "Bearer " + fixture.Issuer.Token(FirstAdmin, [], audience: "someone-else") } };
        var forged = new Metadata { { "authorization", "Bearer " + fixture.Issuer.Forged(FirstAdmin) } };
        var access = new AccessService.AccessServiceClient(fixture.Host.Channel());

        var wrongAudience = await Assert.ThrowsAsync<RpcException>(() => access.GetCallerAsync(new GetCallerRequest(), audience).ResponseAsync);
        var wrongKey = await Assert.ThrowsAsync<RpcException>(() => access.GetCallerAsync(new GetCallerRequest(), forged).ResponseAsync);
        var local = await access.GetCallerAsync(new GetCallerRequest(), TestCredentials.Supervisor());

        Assert.Equal(StatusCode.Unauthenticated, wrongAudience.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, wrongKey.StatusCode);
        Assert.Equal("token:branchledger-local", local.Credential);
    }
}

/// <summary>An issuer the gateway is told to trust: its tokens' grant claims count.</summary>
public sealed class TrustedOidcIssuerTests(TrustingOidcGatewayFixture fixture) : IClassFixture<TrustingOidcGatewayFixture>
{
    [Fact]
    public async Task Grant_claims_of_a_trusted_issuer_count()
    {
        var supervisor = fixture.As("oidc-supervisor", Grant.Everywhere(Role.Supervisor));

        var top = await fixture.Ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = "2026" }, supervisor);

        Assert.Equal(0, top.RankedCount);
    }
}
