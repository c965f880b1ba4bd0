using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// Builds the <see cref="Policies"/> policies on demand from their names (one per permission, so none
/// has to be registered by hand) and makes <see cref="DeclaredRequirement"/> the fallback policy.
/// Other names go to ASP.NET Core's default provider.
/// </summary>
internal sealed class PolicyProvider(IOptions<AuthorizationOptions> options) : IAuthorizationPolicyProvider
{
    private static readonly AuthorizationPolicy Fallback = new AuthorizationPolicyBuilder().AddRequirements(new DeclaredRequirement()).Build();

    private readonly DefaultAuthorizationPolicyProvider _default = new(options);

    public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        Policies.TryParse(policyName, out var permission)
            ? Task.FromResult<AuthorizationPolicy?>(new AuthorizationPolicyBuilder().AddRequirements(new PermissionRequirement(permission)).Build())
            : _default.GetPolicyAsync(policyName);

    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => _default.GetDefaultPolicyAsync();

    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => Task.FromResult<AuthorizationPolicy?>(Fallback);
}
