using BranchLedger.Api.V1;
using Grpc.Core;
using static BranchLedger.Integration.Tests.OrgDirectory.DirectoryRequests;

namespace BranchLedger.Integration.Tests.OrgDirectory;

/// <summary>RegisterTenant, GetTenant and UpdateTenantProfile over real gRPC, through the gateway host.</summary>
[Collection(DirectoryGatewayCollection.Name)]
public sealed class DirectoryTenantApiTests(DirectoryGatewayFixture fixture)
{
    private readonly DirectoryService.DirectoryServiceClient _directory = fixture.Directory;

    [Fact]
    public async Task A_registered_tenant_reads_back_with_the_default_time_zone_and_who_registered_it()
    {
        var tenant = NewTenantId();
        var registered = await _directory.RegisterTenantAsync(Register(), As(tenant, "li-office"));

        var read = await _directory.GetTenantAsync(new GetTenantRequest(), As(tenant));

        Assert.False(registered.Replayed);
        Assert.Equal(registered.Tenant, read.Tenant);
        Assert.Equal(tenant, read.Tenant.TenantId);
        Assert.Equal("市残疾人联合会", read.Tenant.Profile.DisplayName);
        Assert.Equal(BodyKind.MassOrganisation, read.Tenant.Profile.BodyKind);
        Assert.Equal("Asia/Shanghai", read.Tenant.Profile.TimeZone);
        Assert.Equal(("li-office", "li-office"), (read.Tenant.CreatedBy, read.Tenant.UpdatedBy));
        Assert.Equal(read.Tenant.CreatedAt, read.Tenant.UpdatedAt);
    }

    [Fact]
    public async Task Registering_again_with_the_same_request_id_is_a_replay()
    {
        var tenant = NewTenantId();
        var request = Register("reg-1");
        var first = await _directory.RegisterTenantAsync(request, As(tenant));
        var again = await _directory.RegisterTenantAsync(request, As(tenant));

        Assert.True(again.Replayed);
        Assert.Equal(first.Tenant, again.Tenant);
    }

    [Fact]
    public async Task Registering_again_with_another_request_id_already_exists()
    {
        var tenant = NewTenantId();
        await _directory.RegisterTenantAsync(Register(), As(tenant));

        var error = await Fails(_directory.RegisterTenantAsync(Register(), As(tenant)));

        var resource = Resource(error, StatusCode.AlreadyExists);
        Assert.Equal(("branchledger.v1.Tenant", tenant), (resource.ResourceType, resource.ResourceName));
    }

    [Fact]
    public async Task A_request_id_reused_for_another_profile_fails_the_precondition()
    {
        var tenant = NewTenantId();
        await _directory.RegisterTenantAsync(Register("reg-1"), As(tenant));

        var error = await Fails(_directory.RegisterTenantAsync(Register("reg-1", name: "市妇女联合会"), As(tenant)));

        Assert.Equal("REQUEST_ID_REUSED", Precondition(error).Type);
        Assert.Equal("市残疾人联合会", (await _directory.GetTenantAsync(new GetTenantRequest(), As(tenant))).Tenant.Profile.DisplayName);
    }

    [Fact]
    public async Task An_invalid_registration_lists_every_field_and_registers_nothing()
    {
        var tenant = NewTenantId();
        var request = new RegisterTenantRequest
        {
            RequestId = "has space",
            Profile = new TenantProfile { DisplayName = "两行\n名称", BodyKind = (BodyKind)77, TimeZone = "China Standard Time" },
        };

        var error = await Fails(_directory.RegisterTenantAsync(request, As(tenant)));

        Assert.Equal(["profile.body_kind", "profile.display_name", "profile.time_zone", "request_id"], Fields(error));
        Assert.Equal(StatusCode.NotFound, (await Fails(_directory.GetTenantAsync(new GetTenantRequest(), As(tenant)))).StatusCode);
    }

    [Fact]
    public async Task A_registration_without_a_profile_names_the_missing_fields()
    {
        var error = await Fails(_directory.RegisterTenantAsync(new RegisterTenantRequest { RequestId = "r-1" }, As(NewTenantId())));
        Assert.Equal(["profile.body_kind", "profile.display_name"], Fields(error));
    }

    [Fact]
    public async Task An_unregistered_tenant_is_not_found()
    {
        var tenant = NewTenantId();
        var error = await Fails(_directory.GetTenantAsync(new GetTenantRequest(), As(tenant)));

        var resource = Resource(error, StatusCode.NotFound);
        Assert.Equal(("branchledger.v1.Tenant", tenant), (resource.ResourceType, resource.ResourceName));
    }

    [Fact]
    public async Task Without_a_tenant_the_call_is_unauthenticated()
    {
        var error = await Fails(_directory.GetTenantAsync(new GetTenantRequest()));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task A_profile_update_replaces_the_profile_and_records_who()
    {
        var tenant = NewTenantId();
        await _directory.RegisterTenantAsync(Register(), As(tenant, "first"));
        var update = new UpdateTenantProfileRequest
        {
            RequestId = "upd-1",
            Profile = new TenantProfile
            {
                DisplayName = "市残联", BodyKind = BodyKind.PeoplesOrganisation, TimeZone = "Asia/Urumqi",
                AttendanceRecording = AttendanceRecording.Names, SessionDays = 30,
            },
        };

        var updated = await _directory.UpdateTenantProfileAsync(update, As(tenant, "second"));
        var replayed = await _directory.UpdateTenantProfileAsync(update, As(tenant, "second"));

        Assert.Equal(update.Profile, updated.Tenant.Profile);
        Assert.Equal(("first", "second"), (updated.Tenant.CreatedBy, updated.Tenant.UpdatedBy));
        Assert.True(updated.Tenant.UpdatedAt.ToDateTimeOffset() >= updated.Tenant.CreatedAt.ToDateTimeOffset());
        Assert.True(replayed.Replayed);
        Assert.Equal(updated.Tenant, (await _directory.GetTenantAsync(new GetTenantRequest(), As(tenant))).Tenant);
    }

    [Fact]
    public async Task An_update_that_changes_nothing_is_refused()
    {
        var tenant = NewTenantId();
        var registration = Register();
        await _directory.RegisterTenantAsync(registration, As(tenant));
        var same = new UpdateTenantProfileRequest { RequestId = "same", Profile = registration.Profile };

        var error = await Fails(_directory.UpdateTenantProfileAsync(same, As(tenant)));

        Assert.Equal(("NO_CHANGE", "profile"), (Precondition(error).Type, Precondition(error).Subject));
    }

    [Fact]
    public async Task Updating_an_unregistered_tenant_is_not_found()
    {
        var update = new UpdateTenantProfileRequest { RequestId = "u-1", Profile = Register().Profile };
        var error = await Fails(_directory.UpdateTenantProfileAsync(update, As(NewTenantId())));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task An_invalid_update_lists_its_fields_and_changes_nothing()
    {
        var tenant = NewTenantId();
        await _directory.RegisterTenantAsync(Register(), As(tenant));
        var update = new UpdateTenantProfileRequest
        {
            Profile = new TenantProfile { DisplayName = "", BodyKind = BodyKind.Unspecified, TimeZone = "asia/shanghai" },
        };

        var error = await Fails(_directory.UpdateTenantProfileAsync(update, As(tenant)));

        Assert.Equal(["profile.body_kind", "profile.display_name", "profile.time_zone", "request_id"], Fields(error));
        Assert.Equal("市残疾人联合会", (await _directory.GetTenantAsync(new GetTenantRequest(), As(tenant))).Tenant.Profile.DisplayName);
    }
}
