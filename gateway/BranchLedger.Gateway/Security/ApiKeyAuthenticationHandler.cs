using System.Security.Claims;
using System.Text.Encodings.Web;
using BranchLedger.Auth;
using BranchLedger.Domain.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// Authenticates system clients by API key (<c>x-api-key</c>, or <c>authorization: ApiKey …</c>): the
/// key must exist, match its stored hash, be unrevoked and unexpired. Its grant becomes the caller's.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    GrantDirectory directory, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>The claim naming the credential a request used.</summary>
    public const string CredentialClaim = "bl_credential";

    /// <summary>Whether a request carries an API key at all (which scheme should look at it).</summary>
    public static bool Carries(HttpRequest request) =>
        request.Headers.ContainsKey(BranchLedgerClaims.ApiKeyHeader)
        || request.Headers.Authorization.ToString().StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var text = Request.Headers[BranchLedgerClaims.ApiKeyHeader].ToString();
        if (text.Length == 0)
        {
            var authorization = Request.Headers.Authorization.ToString();
            if (!authorization.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
            {
                return AuthenticateResult.NoResult();
            }

            text = authorization[(SchemeName.Length + 1)..].Trim();
        }

        if (!ApiKeyText.TryParse(text, out var keyId, out var secret))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }

        var key = await directory.FindKeyAsync(keyId);
        if (key is null || !ApiKeyText.Matches(secret, key.SecretHash))
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        if (key.RevokedAt is not null)
        {
            return AuthenticateResult.Fail($"The API key '{keyId}' was revoked.");
        }

        if (key.ExpiresAt is { } expires && expires <= clock.GetUtcNow())
        {
            return AuthenticateResult.Fail($"The API key '{keyId}' expired at {expires:u}.");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim("sub", "api-key:" + keyId),
            new Claim(CredentialClaim, "api-key:" + keyId),
            new Claim(BranchLedgerClaims.Grant, key.Grant),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
