using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using BranchLedger.Auth;
using BranchLedger.Domain.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect issuer on loopback, as little of one as a relying party needs: the discovery
/// document, the RSA signing key set, and the authorization code flow with PKCE (an authorization
/// endpoint that signs in <see cref="SignInAs"/> without asking, and a token endpoint that checks the
/// code, the redirect URI and the code verifier as RFC 7636 says). The gateway discovers it over HTTP
/// like any issuer.
/// </summary>
public sealed class TestOidcIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, AuthorizationRequest> _codes = new(StringComparer.Ordinal);

    private TestOidcIssuer(WebApplication app, RsaSecurityKey key, string url) => (_app, _key, Url) = (app, key, url);

    /// <summary>The issuer URL: the tokens' <c>iss</c> and the gateway's <c>Auth:Authority</c>.</summary>
    public string Url { get; }

    /// <summary>Who the authorization endpoint signs in (the person at the issuer's login page).</summary>
    public string SignInAs { get; set; } = "oidc-person";

    /// <summary>Every authorization request received, in order.</summary>
    public ConcurrentQueue<AuthorizationRequest> Authorizations { get; } = new();

    /// <summary>Every token request the token endpoint refused, and why.</summary>
    public ConcurrentQueue<string> RefusedTokenRequests { get; } = new();

    /// <summary>Codes exchanged for tokens (each at most once).</summary>
    public ConcurrentQueue<string> Redeemed { get; } = new();

    public static async Task<TestOidcIssuer> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-" + Guid.NewGuid().ToString("N")[..8] };
        var builder = WebApplication.CreateSlimBuilder();
        // Only loopback, on a free port: not the gateway's endpoints from the appsettings beside the tests.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var parameters = key.Rsa.ExportParameters(false);
        app.MapGet("/.well-known/openid-configuration", (HttpContext http) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = IssuerOf(http),
            ["jwks_uri"] = IssuerOf(http) + "/jwks",
            ["authorization_endpoint"] = IssuerOf(http) + "/authorize",
            ["token_endpoint"] = IssuerOf(http) + "/token",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        }));
        app.MapGet("/jwks", () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = SecurityAlgorithms.RsaSha256, ["kid"] = key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        }));
        TestOidcIssuer? issuer = null;
        app.MapGet("/authorize", (HttpContext http) => issuer!.Authorize(http.Request.Query));
        // Not (HttpContext) => Task<IResult>: that would bind as a RequestDelegate and drop the result.
        app.MapPost("/token", async (HttpRequest request) => issuer!.Redeem(IssuerOf(request.HttpContext), await request.ReadFormAsync()));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        issuer = new TestOidcIssuer(app, key, address.TrimEnd('/'));
        return issuer;
    }

    /// <summary>The base64url SHA-256 of a code verifier: the S256 code challenge (RFC 7636, 4.2).</summary>
    public static string ChallengeOf(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    // The person is taken as signed in: answer with a one-time code bound to this request.
    private IResult Authorize(IQueryCollection query)
    {
        var request = new AuthorizationRequest(
            query["response_type"].ToString(), query["client_id"].ToString(), query["redirect_uri"].ToString(),
            query["code_challenge"].ToString(), query["code_challenge_method"].ToString(), query["state"].ToString(),
            query["nonce"].ToString(), query["scope"].ToString(), SignInAs);
        Authorizations.Enqueue(request);
        if (request.ResponseType != "code" || request.RedirectUri.Length == 0)
        {
            return Results.BadRequest();
        }

        var code = RandomNumberGenerator.GetHexString(32, lowercase: true);
        _codes[code] = request;
        var separator = request.RedirectUri.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.Redirect($"{request.RedirectUri}{separator}code={code}&state={Uri.EscapeDataString(request.State)}");
    }

    private IResult Redeem(string issuerUrl, IFormCollection form)
    {
        var code = form["code"].ToString();
        var known = _codes.TryRemove(code, out var request);
        string? problem = form["grant_type"] != "authorization_code" ? "grant_type"
            : !known || request is null ? "unknown or used code"
            : form["redirect_uri"] != request.RedirectUri ? "redirect_uri"
            : form["client_id"].Count > 0 && form["client_id"] != request.ClientId ? "client_id"
            : request.CodeChallengeMethod != "S256" ? "code_challenge_method"
            : form["code_verifier"].ToString() is not { Length: >= 43 } verifier || ChallengeOf(verifier) != request.CodeChallenge ? "code_verifier"
            : null;
        if (problem is not null)
        {
            RefusedTokenRequests.Enqueue(problem);
            return Results.Json(new Dictionary<string, string> { ["error"] = "invalid_grant", ["error_description"] = problem }, statusCode: StatusCodes.Status400BadRequest);
        }

        Redeemed.Enqueue(code);
        var now = DateTime.UtcNow;
        var claims = new List<Claim> { new("sub", request!.Subject), new("name", request.Subject) };
        if (request.Nonce.Length > 0)
        {
            claims.Add(new Claim("nonce", request.Nonce));
        }

        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuerUrl,
            Audience = request.ClientId,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new Dictionary<string, object>
        {
            ["id_token"] = idToken,
            // The relying party wants one beside the id token; the gateway does not use it.
            ["access_token"] = RandomNumberGenerator.GetHexString(32, lowercase: true),
            ["token_type"] = "Bearer",
            ["expires_in"] = 600,
        });
    }

    /// <summary>A token this issuer signed, for <paramref name="subject"/> with grant claims.</summary>
    public string Token(string subject, IEnumerable<Grant> grants, string audience = BranchLedgerClaims.DefaultAudience) =>
        LocalTokens.Mint(_key, subject, grants, TimeSpan.FromMinutes(30), Url, audience);

    /// <summary>A token that claims this issuer but is signed with another key.</summary>
    public string Forged(string subject) =>
        LocalTokens.Mint(new RsaSecurityKey(RSA.Create(2048)) { KeyId = _key.KeyId }, subject, [], TimeSpan.FromMinutes(30), Url);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string IssuerOf(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}

/// <summary>What an authorization request asked for, and whom the issuer signed in for it.</summary>
public sealed record AuthorizationRequest(
    string ResponseType, string ClientId, string RedirectUri, string CodeChallenge, string CodeChallengeMethod,
    string State, string Nonce, string Scope, string Subject);
