using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Directory;

/// <summary>What makes a tenant profile acceptable, and when a tenant may be changed.</summary>
public static class TenantRules
{
    /// <summary>The time zone of a profile that names none: every body of the platform so far is in China.</summary>
    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>The longest display name accepted.</summary>
    public const int MaxDisplayNameLength = 100;

    /// <summary>How many days a trusted device stays signed in when the tenant has not said.</summary>
    public const int DefaultSessionDays = 7;

    /// <summary>The longest a trusted device may stay signed in: a lost device must not stay a key for long.</summary>
    public const int MaxSessionDays = 90;

    private const int MaxTimeZoneLength = 64;

    /// <summary>Checks a whole profile; <paramref name="prefix"/> is the API's path to it, e.g. <c>profile.</c>.</summary>
    public static Violations CheckProfile(
        Violations violations,
        string prefix,
        string? displayName,
        BodyKind bodyKind,
        string? timeZone,
        AttendanceRecording attendanceRecording = AttendanceRecording.CountsOnly,
        int sessionDays = DefaultSessionDays)
    {
        NodeRules.SingleLine(violations, prefix + "display_name", displayName, MaxDisplayNameLength, required: true);
        if (bodyKind == BodyKind.Unspecified || !Enum.IsDefined(bodyKind))
        {
            violations.Add(prefix + "body_kind", "must be one of the body kinds");
        }

        if (string.IsNullOrEmpty(timeZone))
        {
            violations.Add(prefix + "time_zone", "is required");
        }
        else if (!IsTimeZoneId(timeZone))
        {
            violations.Add(prefix + "time_zone", "must be an IANA time zone id, e.g. Asia/Shanghai");
        }

        if (!Enum.IsDefined(attendanceRecording))
        {
            violations.Add(prefix + "attendance_recording", "must be COUNTS_ONLY or NAMES (unspecified means COUNTS_ONLY)");
        }

        if (sessionDays is < 1 or > MaxSessionDays)
        {
            violations.Add(prefix + "session_days", $"must be 1 to {MaxSessionDays} days (0 means the default, {DefaultSessionDays})");
        }

        return violations;
    }

    /// <summary>
    /// True for an IANA time zone id exactly as the time zone database spells it. Windows ids and
    /// other spellings are refused so one zone is stored one way. The characters are checked first
    /// because the runtime resolves ids to files of the system's zone database.
    /// </summary>
    public static bool IsTimeZoneId(string value) =>
        value.Length <= MaxTimeZoneLength
        && char.IsAsciiLetter(value[0])
        && !value.Contains("..", StringComparison.Ordinal)
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+')
        && TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone)
        && zone.HasIanaId
        && zone.Id == value;

    /// <summary>Checks registering a tenant: once only.</summary>
    public static DirectoryFailure? CanRegister(string tenantId, bool isRegistered) =>
        isRegistered
            ? new ResourceExists(DirectoryResource.Tenant, tenantId, $"Tenant '{tenantId}' is registered already.")
            : null;

    /// <summary>Checks replacing a profile: the tenant exists and something changes.</summary>
    public static DirectoryFailure? CanUpdate(string tenantId, bool isRegistered, bool changesSomething)
    {
        if (!isRegistered)
        {
            return NotRegistered(tenantId);
        }

        return changesSomething
            ? null
            : new RuleBroken(FailureCodes.NoChange, "profile", "The profile is like that already.");
    }

    /// <summary>Checks a change to the tree: the tenant must be registered first, so every tree has an owner profile.</summary>
    public static DirectoryFailure? CanChangeTree(string tenantId, bool isRegistered) =>
        isRegistered
            ? null
            : new RuleBroken(FailureCodes.TenantNotRegistered, "tenant", $"Tenant '{tenantId}' is not registered; call RegisterTenant first.");

    /// <summary>The answer for reading a tenant that is not registered.</summary>
    public static ResourceMissing NotRegistered(string tenantId) =>
        new(DirectoryResource.Tenant, tenantId, $"Tenant '{tenantId}' is not registered.");
}
