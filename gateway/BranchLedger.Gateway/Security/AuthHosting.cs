using BranchLedger.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// Who may call: bearer tokens (an OIDC issuer by configuration, and/or tokens signed with the local
/// key), API keys, and the web app's session cookie (<see cref="WebSessions"/>). The gateway refuses to start with neither configured, rather than run open.
/// </summary>
internal static class AuthHosting
{
    private const string Selector = "BearerOrApiKey";

    public static WebApplicationBuilder AddBranchLedgerAuth(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Auth");
        var auth = section.Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.Configure<AuthOptions>(section);
        builder.Services.AddSingleton<GrantDirectory>();
        builder.Services.AddSingleton<CallerFactory>();
        builder.AddBranchLedgerPolicies();

        var localKey = auth.LocalSigningKey is { Length: > 0 } inline ? LocalSigningKey.FromBase64(inline)
            : auth.LocalKeyFile is { Length: > 0 } file ? LocalSigningKey.LoadOrCreate(file)
            : null;
        if (localKey is null && string.IsNullOrWhiteSpace(auth.Authority))
        {
            throw new InvalidOperationException(
                "No way to authenticate callers: set Auth__Authority (an OIDC issuer) and/or Auth__LocalKeyFile (see README, Authentication).");
        }

        builder.Services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "Bearer token, API key or web session", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.Carries(context.Request) ? ApiKeyAuthenticationHandler.SchemeName
                : WebSessions.Carries(context.Request) ? WebSessions.Scheme
                : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { })
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.RequireHttpsMetadata = auth.RequireHttpsMetadata;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAudience = auth.Audience,
                    ValidIssuers = localKey is null ? null : [BranchLedgerClaims.LocalIssuer],
                    IssuerSigningKeys = localKey is null ? null : [localKey],
                    ClockSkew = TimeSpan.FromSeconds(auth.ClockSkewSeconds),
                    NameClaimType = "sub",
                };
                if (!string.IsNullOrWhiteSpace(auth.Authority))
                {
                    o.Authority = auth.Authority;
                }
            })
            .AddBranchLedgerWebSessions(builder, auth, hasLocalKey: localKey is not null);
        return builder;
    }
}
