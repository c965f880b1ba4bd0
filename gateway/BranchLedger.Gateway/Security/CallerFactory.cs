using System.Security.Claims;
using BranchLedger.Auth;
using BranchLedger.Domain;
using BranchLedger.Domain.Access;
using BranchLedger.Gateway.Services;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// Turns an authenticated principal into a <see cref="Caller"/>: its grants (API key grant; token
/// grant claims from the local or a trusted issuer; bindings stored for the subject) and the tenant
/// the call acts on. The tenant always comes from the credential: metadata may only pick one of the
/// tenants the grants reach. For a node-scoped grant it also reads whether the tenant lets such grants
/// read the whole tenant.
/// </summary>
internal sealed class CallerFactory(GrantDirectory directory, TenantReadSettings settings, IOptions<AuthOptions> options)
{
    public async Task<Caller> CreateAsync(ClaimsPrincipal user, string? namedTenant)
    {
        var subject = user.FindFirst("sub")?.Value;
        if (string.IsNullOrEmpty(subject) || subject.Length > 256)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "The credential names no subject."));
        }

        var apiKey = user.FindFirst(ApiKeyAuthenticationHandler.CredentialClaim)?.Value;
        var issuer = user.FindFirst("iss")?.Value ?? "";
        var grants = new List<Grant>();
        if (apiKey is not null || issuer == BranchLedgerClaims.LocalIssuer || options.Value.TrustIssuerGrants)
        {
            grants.AddRange(user.FindAll(BranchLedgerClaims.Grant)
                .Select(c => Grant.Parse(c.Value))
                .Where(g => g is not null && GrantRules.Problem(g) is null)!);
        }

        if (apiKey is null)
        {
            grants.AddRange(await StoredGrantsAsync(subject));
        }

        if (namedTenant is not null)
        {
            if (!Identifiers.IsSlug(namedTenant))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"'{BranchLedgerClaims.TenantHeader}' is not a tenant id."));
            }

            if (!grants.Any(g => g.Covers(namedTenant)))
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, $"The credential does not reach tenant '{namedTenant}'."));
            }
        }

        var tenant = namedTenant ?? AccessPolicy.DefaultTenant(grants);
        return new Caller(tenant, subject, apiKey ?? "token:" + issuer, grants)
        {
            NodeGrantsReadWholeTenant = tenant is not null && AccessPolicy.HasNodeScope(grants, tenant) && await WholeTenantAsync(tenant),
        };
    }

    private async Task<bool> WholeTenantAsync(string tenant)
    {
        try
        {
            return await settings.SecretariesReadWholeTenantAsync(tenant);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The tenant's access settings are temporarily unavailable; retry.", ex));
        }
    }

    private async Task<IReadOnlyList<Grant>> StoredGrantsAsync(string subject)
    {
        try
        {
            return await directory.GrantsOfAsync(subject);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "Access bindings are temporarily unavailable; retry.", ex));
        }
    }
}
