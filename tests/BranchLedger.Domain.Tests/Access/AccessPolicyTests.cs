using BranchLedger.Domain.Access;

namespace BranchLedger.Domain.Tests.Access;

public sealed class AccessPolicyTests
{
    private static IReadOnlyList<Grant> Of(params string[] grants) => [.. grants.Select(g => Grant.Parse(g)!)];

    [Fact]
    public void A_secretary_reads_and_writes_only_their_branches()
    {
        var secretary = Of("branch-secretary@acme#b1,b2");
        Assert.True(AccessPolicy.Allows(secretary, Permission.TenantRead, "acme", ["b1"]));
        Assert.True(AccessPolicy.Allows(secretary, Permission.TenantRead, "acme", ["b1", "b2"]));
        Assert.False(AccessPolicy.Allows(secretary, Permission.TenantRead, "acme", ["b3"]));
        Assert.False(AccessPolicy.Allows(secretary, Permission.TenantRead, "acme", []));
        Assert.True(AccessPolicy.Allows(secretary, Permission.RecordWrite, "acme", ["b1"]));
        Assert.True(AccessPolicy.Allows(secretary, Permission.RecordWrite, "acme", ["b1", "b2"]));
        Assert.False(AccessPolicy.Allows(secretary, Permission.RecordWrite, "acme", ["b1", "b3"]));
        Assert.False(AccessPolicy.Allows(secretary, Permission.RecordWrite, "acme", []));
        Assert.False(AccessPolicy.Allows(secretary, Permission.TenantRead, "beta", ["b1"]));
        Assert.False(AccessPolicy.Allows(secretary, Permission.DirectoryWrite, "acme", []));
        Assert.True(AccessPolicy.AllowsSomewhere(secretary, Permission.TenantRead, "acme"));
        Assert.False(AccessPolicy.AllowsSomewhere(secretary, Permission.TenantRead, "beta"));
        Assert.Equal(["b1", "b2"], AccessPolicy.ReadableNodes(secretary, "acme")!);
    }

    [Fact]
    public void The_tenant_setting_widens_a_secretarys_reads_but_never_their_writes()
    {
        var secretary = Of("branch-secretary@acme#b1");
        Assert.True(AccessPolicy.Allows(secretary, Permission.TenantRead, "acme", [], nodeGrantsReadWholeTenant: true));
        Assert.True(AccessPolicy.Allows(secretary, Permission.TenantRead, "acme", ["b9"], nodeGrantsReadWholeTenant: true));
        Assert.False(AccessPolicy.Allows(secretary, Permission.RecordWrite, "acme", ["b9"], nodeGrantsReadWholeTenant: true));
        Assert.False(AccessPolicy.Allows(secretary, Permission.TenantRead, "beta", ["b1"], nodeGrantsReadWholeTenant: true));
        Assert.Null(AccessPolicy.ReadableNodes(secretary, "acme", nodeGrantsReadWholeTenant: true));
    }

    [Fact]
    public void A_tenant_wide_grant_next_to_a_node_scoped_one_reads_everything()
    {
        var both = Of("branch-secretary@acme#b1", "auditor@acme");
        Assert.True(AccessPolicy.Allows(both, Permission.TenantRead, "acme", []));
        Assert.Null(AccessPolicy.ReadableNodes(both, "acme"));
        Assert.False(AccessPolicy.Allows(both, Permission.RecordWrite, "acme", ["b2"]));
    }

    [Fact]
    public void Verifying_is_held_by_tenant_admins_and_verifiers_never_by_secretaries()
    {
        Assert.True(AccessPolicy.Allows(Of("tenant-admin@acme"), Permission.FindingVerify, "acme", ["b1"]));
        Assert.False(AccessPolicy.Allows(Of("branch-secretary@acme#b1"), Permission.FindingVerify, "acme", ["b1"]));
        Assert.False(AccessPolicy.Allows(Of("auditor@acme"), Permission.FindingVerify, "acme", ["b1"]));

        var verifier = Of("verifier@acme");
        Assert.True(AccessPolicy.Allows(verifier, Permission.FindingVerify, "acme", ["b1"]));
        Assert.True(AccessPolicy.Allows(verifier, Permission.TenantRead, "acme", []));
        Assert.False(AccessPolicy.Allows(verifier, Permission.RecordWrite, "acme", ["b1"]));
        Assert.False(AccessPolicy.Allows(verifier, Permission.FindingVerify, "beta", ["b1"]));

        // Narrowed to nodes, a verifier verifies there only, and (least privilege, like a branch secretary)
        // reads only there unless the tenant lets node-scoped grants read the whole tenant — which never
        // widens where it verifies.
        var narrowed = Of("verifier@acme#b1");
        Assert.True(AccessPolicy.Allows(narrowed, Permission.FindingVerify, "acme", ["b1"]));
        Assert.False(AccessPolicy.Allows(narrowed, Permission.FindingVerify, "acme", ["b2"]));
        Assert.True(AccessPolicy.Allows(narrowed, Permission.TenantRead, "acme", ["b1"]));
        Assert.False(AccessPolicy.Allows(narrowed, Permission.TenantRead, "acme", []));
        Assert.True(AccessPolicy.Allows(narrowed, Permission.TenantRead, "acme", [], nodeGrantsReadWholeTenant: true));
        Assert.False(AccessPolicy.Allows(narrowed, Permission.FindingVerify, "acme", ["b2"], nodeGrantsReadWholeTenant: true));
        Assert.Equal(["tenant.read", "findings.verify"], RoleNames.Names(narrowed[0].Permissions));
    }

    [Fact]
    public void City_permissions_need_a_grant_over_every_tenant()
    {
        Assert.True(AccessPolicy.Allows(Of("supervisor@*"), Permission.CityRead, null, []));
        Assert.True(AccessPolicy.Allows(Of("auditor@*"), Permission.CityRead, null, []));
        Assert.False(AccessPolicy.Allows(Of("auditor@acme"), Permission.CityRead, null, []));
        Assert.False(AccessPolicy.Allows(Of("tenant-admin@acme"), Permission.CityRead, null, []));
        Assert.True(AccessPolicy.Allows(Of("supervisor@*"), Permission.AuditRead, null, []));
        Assert.False(AccessPolicy.Allows(Of("tenant-admin@acme"), Permission.AuditRead, null, []));
    }

    [Fact]
    public void A_platform_admin_manages_tenants_and_access_but_reads_no_records()
    {
        var admin = Of("platform-admin@*");
        Assert.True(AccessPolicy.Allows(admin, Permission.TenantCreate, "new-body", []));
        Assert.True(AccessPolicy.Allows(admin, Permission.AccessAdmin, "acme", []));
        Assert.False(AccessPolicy.Allows(admin, Permission.TenantRead, "acme", []));
        Assert.False(AccessPolicy.Allows(admin, Permission.RecordWrite, "acme", ["b1"]));
    }

    [Fact]
    public void A_system_client_has_exactly_its_listed_permissions()
    {
        var client = Of("system-client@acme!records.write");
        Assert.True(AccessPolicy.Allows(client, Permission.RecordWrite, "acme", ["b9"]));
        Assert.False(AccessPolicy.Allows(client, Permission.TenantRead, "acme", []));
        Assert.False(AccessPolicy.Allows(client, Permission.RecordWrite, "beta", ["b9"]));
    }

    [Fact]
    public void Grants_without_grants_allow_nothing_not_even_the_open_reads()
    {
        Assert.False(AccessPolicy.Allows([], Permission.None, null, []));
        Assert.True(AccessPolicy.Allows(Of("auditor@acme"), Permission.None, null, []));
    }

    [Fact]
    public void The_default_tenant_is_the_one_tenant_the_grants_reach()
    {
        Assert.Equal("acme", AccessPolicy.DefaultTenant(Of("tenant-admin@acme", "branch-secretary@acme#b1")));
        Assert.Null(AccessPolicy.DefaultTenant(Of("tenant-admin@acme", "auditor@beta")));
        Assert.Null(AccessPolicy.DefaultTenant(Of("tenant-admin@acme", "supervisor@*")));
    }

    [Theory]
    [InlineData("platform-admin@*", "supervisor@*", true)]
    [InlineData("tenant-admin@acme", "branch-secretary@acme#b1", true)]
    [InlineData("tenant-admin@acme", "system-client@acme!records.write", true)]
    [InlineData("tenant-admin@acme", "tenant-admin@beta", false)]
    [InlineData("tenant-admin@acme", "supervisor@*", false)]
    [InlineData("tenant-admin@acme", "auditor@acme,beta", false)]
    [InlineData("supervisor@*", "branch-secretary@acme#b1", false)]
    [InlineData("branch-secretary@acme#b1", "branch-secretary@acme#b1", false)]
    [InlineData("tenant-admin@acme", "verifier@acme", true)]
    [InlineData("tenant-admin@acme", "verifier@acme#b1", true)]
    [InlineData("tenant-admin@acme", "verifier@beta", false)]
    [InlineData("branch-secretary@acme#b1", "verifier@acme", false)]
    [InlineData("verifier@acme", "verifier@acme#b1", false)]
    public void Who_may_hand_out_which_grant(string granter, string grant, bool allowed) =>
        Assert.Equal(allowed, GrantRules.MayBind(Of(granter), Grant.Parse(grant)!));
}
