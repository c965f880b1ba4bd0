using BranchLedger.Auth;
using BranchLedger.Domain.Access;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>
/// Credentials for tests: tokens signed with a key made fresh for this test run, which every gateway
/// the tests start (in process or as a process) is configured to trust as its local key.
/// </summary>
public static class TestCredentials
{
    /// <summary>The run's local signing key, base64.</summary>
    public static string SigningKey { get; } = LocalSigningKey.NewBase64();

    /// <summary>
    /// The everyday test caller: admin of <paramref name="tenant"/> and platform admin (so it can register
    /// the tenant it works in), acting on that tenant.
    /// </summary>
    public static Metadata TenantAdmin(string tenant, string user) =>
        Bearer(user, tenant, Grant.For(Role.TenantAdmin, tenant), Grant.Everywhere(Role.PlatformAdmin));

    /// <summary>A city supervisor, acting on <paramref name="tenant"/> when one is named.</summary>
    public static Metadata Supervisor(string? tenant = null, string user = "city-supervisor") =>
        Bearer(user, tenant, Grant.Everywhere(Role.Supervisor));

    /// <summary>Metadata with a bearer token for <paramref name="subject"/> carrying <paramref name="grants"/>.</summary>
    public static Metadata Bearer(string subject, string? tenant, params Grant[] grants)
    {
        var metadata = new Metadata { { "authorization", "Bearer " + Token(subject, grants) } };
        if (tenant is not null)
        {
            metadata.Add(BranchLedgerClaims.TenantHeader, tenant);
        }

        return metadata;
    }

    /// <summary>A raw token, optionally with another issuer, audience or lifetime.</summary>
    public static string Token(string subject, IEnumerable<Grant> grants, TimeSpan? lifetime = null, string? issuer = null, string? audience = null, DateTime? now = null) =>
        LocalTokens.Mint(LocalSigningKey.FromBase64(SigningKey), subject, grants, lifetime ?? TimeSpan.FromHours(1),
            issuer ?? BranchLedgerClaims.LocalIssuer, audience ?? BranchLedgerClaims.DefaultAudience, now);
}
