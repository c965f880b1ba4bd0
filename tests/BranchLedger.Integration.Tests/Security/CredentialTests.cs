using BranchLedger.Api.V1;
using BranchLedger.Auth;
using BranchLedger.Domain.Access;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;

namespace BranchLedger.Integration.Tests.Security;

/// <summary>Who gets in: tokens (lifetime, issuer, audience, key), API keys, stored bindings, and the tenant rule.</summary>
public sealed class CredentialTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Tenant = "cred-a";
    private const string OtherTenant = "cred-b";

    private AccessService.AccessServiceClient Access => new(fixture.Host.Channel());

    private static Metadata Admin(string tenant = Tenant) => TestCredentials.Bearer("cred-admin", tenant, Grant.For(Role.TenantAdmin, tenant));

    private static Metadata WithToken(string token) => new() { { "authorization", "Bearer " + token } };

    [Fact]
    public async Task Without_a_credential_only_health_answers()
    {
        await fixture.EnsureAsync(Tenant, "office-branch");
        var refused = await Assert.ThrowsAsync<RpcException>(() => fixture.Directory.GetTenantAsync(new GetTenantRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("Bearer", refused.Status.Detail, StringComparison.Ordinal);

        var health = await new Health.HealthClient(fixture.Host.Channel()).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("issuer")]
    [InlineData("audience")]
    [InlineData("key")]
    [InlineData("garbage")]
    public async Task A_bad_token_is_refused_as_unauthenticated(string fault)
    {
        await fixture.EnsureAsync(Tenant, "office-branch");
        Grant[] grants = [Grant.For(Role.TenantAdmin, Tenant)];
        var token = fault switch
        {
            "expired" => TestCredentials.Token("late", grants, TimeSpan.FromHours(1), now: DateTime.UtcNow.AddHours(-2)),
            "issuer" => TestCredentials.Token("forger", grants, issuer: "https://elsewhere.example"),
            "audience" => TestCredentials.Token("lost", grants, audience: "another-app"),
            "key" => LocalTokens.Mint(LocalSigningKey.FromBase64(LocalSigningKey.NewBase64()), "forger", grants, TimeSpan.FromHours(1)),
            _ => "not.a.token",
        };

        var refused = await Assert.ThrowsAsync<RpcException>(() => fixture.Directory.GetTenantAsync(new GetTenantRequest(), WithToken(token)).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("refused", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tenant_comes_from_the_credential_and_another_tenant_is_never_served()
    {
        await fixture.EnsureAsync(Tenant, "office-branch");
        await fixture.EnsureAsync(OtherTenant, "only-in-b");

        // No tenant metadata: the credential's one tenant is used.
        var own = await fixture.Directory.GetTenantAsync(new GetTenantRequest(), TestCredentials.Bearer("cred-admin", null, Grant.For(Role.TenantAdmin, Tenant)));
        Assert.Equal(Tenant, own.Tenant.TenantId);

        // Naming another tenant is refused, whatever the call.
        var named = await Assert.ThrowsAsync<RpcException>(() => fixture.Directory.GetTenantAsync(
            new GetTenantRequest(), TestCredentials.Bearer("cred-admin", OtherTenant, Grant.For(Role.TenantAdmin, Tenant))).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, named.StatusCode);

        // Naming another tenant's node in the body finds nothing: lookups happen inside the caller's tenant.
        var node = await Assert.ThrowsAsync<RpcException>(() => fixture.Directory.GetNodeAsync(new GetNodeRequest { NodeId = "only-in-b" }, Admin()).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, node.StatusCode);
    }

    [Fact]
    public async Task A_branch_secretary_writes_only_their_own_branches()
    {
        await fixture.EnsureAsync(Tenant, "sec-own", members: 20);
        await fixture.EnsureAsync(Tenant, "sec-other", members: 20);
        var secretary = TestCredentials.Bearer("sec-wang", null, Grant.For(Role.BranchSecretary, Tenant, ["sec-own"]));

        var written = await fixture.Ledger.RecordMeetingAsync(Meetings.Request("sec-own", "sec-1"), secretary);
        Assert.False(written.Replayed);
        var refused = await Assert.ThrowsAsync<RpcException>(() => fixture.Ledger.RecordMeetingAsync(Meetings.Request("sec-other", "sec-2"), secretary).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains("sec-other", refused.Status.Detail, StringComparison.Ordinal);

        // Least privilege: the other branch is not theirs to read either; its office sees nothing was written.
        var read = await Assert.ThrowsAsync<RpcException>(() => fixture.Ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "sec-other" }, secretary).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
        var other = await fixture.Ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "sec-other" }, GatewayHost.As(Tenant));
        Assert.Empty(other.Records);
    }

    [Fact]
    public async Task Stored_bindings_give_a_plain_token_its_roles_and_unbinding_takes_them_away()
    {
        await fixture.EnsureAsync(Tenant, "office-branch");
        var alice = WithToken(TestCredentials.Token("alice@example.org", []));
        var before = await Assert.ThrowsAsync<RpcException>(() => fixture.Directory.GetTenantAsync(new GetTenantRequest(), alice).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, before.StatusCode);

        await Access.BindRoleAsync(new BindRoleRequest { Subject = "alice@example.org", Grant = $"auditor@{Tenant}", RequestId = "bind-alice" }, Admin());
        Assert.Equal(Tenant, (await fixture.Directory.GetTenantAsync(new GetTenantRequest(), alice)).Tenant.TenantId);
        var me = await Access.GetCallerAsync(new GetCallerRequest(), alice);
        Assert.Equal([$"auditor@{Tenant}"], me.Grants);

        await Access.UnbindRoleAsync(new UnbindRoleRequest { Subject = "alice@example.org", Grant = $"auditor@{Tenant}", RequestId = "unbind-alice" }, Admin());
        var after = await Assert.ThrowsAsync<RpcException>(() => fixture.Directory.GetTenantAsync(new GetTenantRequest(), alice).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, after.StatusCode);
    }

    [Fact]
    public async Task A_tenant_admin_hands_out_tenant_roles_of_their_own_tenant_only()
    {
        var supervisor = await Assert.ThrowsAsync<RpcException>(() => Access.BindRoleAsync(
            new BindRoleRequest { Subject = "bob", Grant = "supervisor@*", RequestId = "bind-bob-1" }, Admin()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, supervisor.StatusCode);
        var elsewhere = await Assert.ThrowsAsync<RpcException>(() => Access.BindRoleAsync(
            new BindRoleRequest { Subject = "bob", Grant = $"tenant-admin@{OtherTenant}", RequestId = "bind-bob-2" }, Admin()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, elsewhere.StatusCode);
        var malformed = await Assert.ThrowsAsync<RpcException>(() => Access.BindRoleAsync(
            new BindRoleRequest { Subject = "", Grant = "branch-secretary@" + Tenant, RequestId = "bind-bob-3" }, Admin()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Contains(malformed.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations, v => v.Field == "subject");
        Assert.Contains(malformed.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations, v => v.Field == "grant");

        var bound = await Access.BindRoleAsync(new BindRoleRequest { Subject = "bob", Grant = $"branch-secretary@{Tenant}#office-branch", RequestId = "bind-bob-4" }, Admin());
        Assert.False(bound.Replayed);
        Assert.True((await Access.BindRoleAsync(new BindRoleRequest { Subject = "bob", Grant = $"branch-secretary@{Tenant}#office-branch", RequestId = "bind-bob-4" }, Admin())).Replayed);
        var listed = await Access.ListRoleBindingsAsync(new ListRoleBindingsRequest(), Admin());
        Assert.Contains(listed.Bindings, b => b.Subject == "bob" && b.BoundBy == "cred-admin");
        Assert.DoesNotContain(await Access.ListRoleBindingsAsync(new ListRoleBindingsRequest(), Admin(OtherTenant)) is { } other ? other.Bindings : [], b => b.Subject == "bob");
    }

    [Fact]
    public async Task An_api_key_works_until_revoked_or_expired_and_is_never_shown_again()
    {
        await fixture.EnsureAsync(Tenant, "office-branch");
        var created = await Access.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Name = "OA sync", Grant = $"system-client@{Tenant}!tenant.read", RequestId = "key-oa",
        }, Admin());
        Assert.StartsWith("blk_" + created.Key.KeyId + "_", created.KeyText, StringComparison.Ordinal);
        var key = new Metadata { { BranchLedgerClaims.ApiKeyHeader, created.KeyText } };
        Assert.Equal(Tenant, (await fixture.Directory.GetTenantAsync(new GetTenantRequest(), key)).Tenant.TenantId);
        var write = await Assert.ThrowsAsync<RpcException>(() => fixture.Ledger.RecordMeetingAsync(Meetings.Request("office-branch", "key-write"), key).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, write.StatusCode);

        var replay = await Access.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "OA sync", Grant = $"system-client@{Tenant}!tenant.read", RequestId = "key-oa" }, Admin());
        Assert.True(replay.Replayed);
        Assert.Equal("", replay.KeyText);
        var listed = await Access.ListApiKeysAsync(new ListApiKeysRequest(), Admin());
        Assert.DoesNotContain(created.KeyText.Split('_')[2], listed.ToString(), StringComparison.Ordinal);

        await Access.RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = created.Key.KeyId, RequestId = "revoke-oa" }, Admin());
        var revoked = await Assert.ThrowsAsync<RpcException>(() => fixture.Directory.GetTenantAsync(new GetTenantRequest(), key).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, revoked.StatusCode);
        Assert.Contains("revoked", revoked.Status.Detail, StringComparison.Ordinal);

        var wrong = new Metadata { { BranchLedgerClaims.ApiKeyHeader, created.KeyText[..^2] + "xx" } };
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => fixture.Directory.GetTenantAsync(new GetTenantRequest(), wrong).ResponseAsync)).StatusCode);
    }

    [Fact]
    public async Task An_expiring_api_key_stops_working_at_its_expiry()
    {
        await fixture.EnsureAsync(Tenant, "office-branch");
        var created = await Access.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Name = "short", Grant = $"system-client@{Tenant}!tenant.read", RequestId = "key-short",
            ExpireTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow.AddSeconds(2)),
        }, Admin());
        var key = new Metadata { { "authorization", "ApiKey " + created.KeyText } };
        Assert.Equal(Tenant, (await fixture.Directory.GetTenantAsync(new GetTenantRequest(), key)).Tenant.TenantId);

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var expired = await Assert.ThrowsAsync<RpcException>(() => fixture.Directory.GetTenantAsync(new GetTenantRequest(), key).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, expired.StatusCode);
        Assert.Contains("expired", expired.Status.Detail, StringComparison.Ordinal);
    }
}
