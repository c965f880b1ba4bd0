using BranchLedger.Auth;
using BranchLedger.Gateway.Services;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// The <see cref="Caller"/> of a request, established once (by the first policy that needs it) and
/// kept on the <see cref="HttpContext"/>: the tenant comes from the credential, and the
/// <c>x-branchledger-tenant</c> header only chooses among the tenants it reaches.
/// </summary>
internal sealed class CallerAccess(CallerFactory factory)
{
    private const string Key = "branchledger-caller";

    public async Task<Caller> EstablishAsync(HttpContext http)
    {
        if (Established(http) is { } known)
        {
            return known;
        }

        // As gRPC metadata reads it: the last value of the header.
        var named = http.Request.Headers[BranchLedgerClaims.TenantHeader].LastOrDefault();
        var caller = await factory.CreateAsync(http.User, string.IsNullOrEmpty(named) ? null : named);
        http.Items[Key] = caller;
        return caller;
    }

    /// <summary>The caller a policy established for this request, or null.</summary>
    public static Caller? Established(HttpContext http) => http.Items.TryGetValue(Key, out var found) ? found as Caller : null;
}
