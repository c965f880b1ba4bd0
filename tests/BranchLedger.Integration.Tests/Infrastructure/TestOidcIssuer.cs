using System.Net;
using System.Security.Cryptography;
using BranchLedger.Auth;
using BranchLedger.Domain.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect issuer on loopback, as little of one as a relying party needs: the discovery
/// document and the RSA signing key set. The gateway discovers its keys over HTTP like any issuer's.
/// </summary>
public sealed class TestOidcIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private TestOidcIssuer(WebApplication app, RsaSecurityKey key, string url) => (_app, _key, Url) = (app, key, url);

    /// <summary>The issuer URL: the tokens' <c>iss</c> and the gateway's <c>Auth:Authority</c>.</summary>
    public string Url { get; }

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
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TestOidcIssuer(app, key, address.TrimEnd('/'));
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
