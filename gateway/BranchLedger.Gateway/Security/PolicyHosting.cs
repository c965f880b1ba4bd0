using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// What may be called: ASP.NET Core authorization with the <see cref="Policies"/> policies (declared on
/// each RPC handler, on the download routes, on the web app's routes), decided by the Domain's access
/// policy, refusals answered in the caller's protocol, and a fail-closed fallback for undeclared RPCs.
/// </summary>
internal static class PolicyHosting
{
    public static WebApplicationBuilder AddBranchLedgerPolicies(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyProvider, PolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationRefusals>();
        services.AddSingleton<CallerAccess>();
        services.AddSingleton<TenantReadSettings>();
        return builder;
    }
}
