using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Tests.Directory;

public class TenantRulesTests
{
    private static IReadOnlyList<FieldViolation> Check(
        string? name = "市残疾人联合会", BodyKind kind = BodyKind.MassOrganisation, string? zone = "Asia/Shanghai") =>
        TenantRules.CheckProfile(new Violations(), "profile.", name, kind, zone).Items;

    [Fact]
    public void A_complete_profile_is_accepted() => Assert.Empty(Check());

    [Fact]
    public void The_default_time_zone_is_shanghai_and_valid() =>
        Assert.True(TenantRules.IsTimeZoneId(TenantRules.DefaultTimeZone));

    [Fact]
    public void Every_field_is_checked_at_once() =>
        Assert.Equal(
            ["profile.display_name", "profile.body_kind", "profile.time_zone"],
            Check(name: "", kind: BodyKind.Unspecified, zone: "").Select(v => v.Field));

    [Theory]
    [InlineData("两行\n名称")]
    [InlineData("nul\0")]
    public void Display_names_are_printable_and_one_line(string name) =>
        Assert.Equal("profile.display_name", Assert.Single(Check(name: name)).Field);

    [Fact]
    public void Display_names_have_a_limit() =>
        Assert.Single(Check(name: new string('联', TenantRules.MaxDisplayNameLength + 1)));

    [Fact]
    public void Unknown_body_kinds_are_refused() =>
        Assert.Equal("profile.body_kind", Assert.Single(Check(kind: (BodyKind)42)).Field);

    [Theory]
    [InlineData("Asia/Shanghai", true)]
    [InlineData("Asia/Urumqi", true)]
    [InlineData("UTC", true)]
    [InlineData("Etc/GMT+8", true)]
    [InlineData("asia/shanghai", false)]
    [InlineData("China Standard Time", false)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("../../etc/passwd", false)]
    [InlineData("/etc/localtime", false)]
    [InlineData("+08:00", false)]
    public void Time_zones_are_iana_ids_as_the_database_spells_them(string zone, bool valid)
    {
        Assert.Equal(valid, TenantRules.IsTimeZoneId(zone));
        Assert.Equal(valid, Check(zone: zone).Count == 0);
    }

    [Fact]
    public void A_tenant_registers_once()
    {
        Assert.Null(TenantRules.CanRegister("city-dpf", isRegistered: false));
        var exists = Assert.IsType<ResourceExists>(TenantRules.CanRegister("city-dpf", isRegistered: true));
        Assert.Equal((DirectoryResource.Tenant, "city-dpf"), (exists.Resource, exists.Id));
    }

    [Fact]
    public void A_profile_update_needs_a_registered_tenant_and_a_change()
    {
        Assert.Null(TenantRules.CanUpdate("city-dpf", isRegistered: true, changesSomething: true));
        Assert.IsType<ResourceMissing>(TenantRules.CanUpdate("city-dpf", isRegistered: false, changesSomething: true));
        Assert.Equal(FailureCodes.NoChange, Assert.IsType<RuleBroken>(TenantRules.CanUpdate("city-dpf", true, false)).Code);
    }

    [Fact]
    public void The_tree_changes_only_in_a_registered_tenant()
    {
        Assert.Null(TenantRules.CanChangeTree("city-dpf", isRegistered: true));
        Assert.Equal(FailureCodes.TenantNotRegistered, Assert.IsType<RuleBroken>(TenantRules.CanChangeTree("city-dpf", false)).Code);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(TenantRules.DefaultSessionDays, true)]
    [InlineData(TenantRules.MaxSessionDays, true)]
    [InlineData(0, false)]
    [InlineData(91, false)]
    [InlineData(-1, false)]
    public void A_trusted_device_stays_signed_in_1_to_90_days(int days, bool accepted)
    {
        var violations = TenantRules.CheckProfile(new Violations(), "profile.", "市残疾人联合会", BodyKind.MassOrganisation, "Asia/Shanghai", sessionDays: days).Items;
        Assert.Equal(accepted ? [] : ["profile.session_days"], violations.Select(v => v.Field));
    }

    [Fact]
    public void Attendance_is_kept_as_counts_only_or_by_name()
    {
        Assert.Empty(TenantRules.CheckProfile(new Violations(), "profile.", "市残联", BodyKind.MassOrganisation, "Asia/Shanghai", AttendanceRecording.Names).Items);
        Assert.Equal(
            "profile.attendance_recording",
            Assert.Single(TenantRules.CheckProfile(new Violations(), "profile.", "市残联", BodyKind.MassOrganisation, "Asia/Shanghai", (AttendanceRecording)0).Items).Field);
    }
}
