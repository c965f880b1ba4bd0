using System.Security.Claims;
using System.Security.Cryptography;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Auth;
using BranchLedger.Domain.Access;
using BranchLedger.Domain.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// The web app's sign-in: a cookie session (HttpOnly, SameSite=Strict, expiring) made either by the
/// city's OIDC issuer (authorization code with PKCE) or, on a development machine, by the development
/// sign-in. The session carries the same claims a token would (<c>sub</c>, <c>iss</c>, grants), so the
/// one authorization path (<see cref="CallerFactory"/> and the RPC rules) serves it unchanged. Writes made
/// with the cookie must carry the session's anti-forgery value in <see cref="CsrfHeader"/>: a header a
/// page of another origin cannot set without a CORS grant the gateway never gives.
/// </summary>
internal static class WebSessions
{
    public const string Scheme = "WebSession";
    public const string OidcScheme = "WebOidc";
    public const string CookieName = "branchledger.session";
    public const string CsrfHeader = "x-branchledger-csrf";
    private const string CsrfClaim = "bl_csrf";
    private const string SessionIdClaim = "bl_sid";
    private const string Route = "/app";
    private const string TrustedItem = "branchledger.trusted";
    private const int MaxNameLength = 64;

    /// <summary>Whether a request should be authenticated by the session cookie (it carries no other credential).</summary>
    // An API key wins over a stray cookie (as in the scheme selector), so such a call is not held to the
    // session's anti-forgery check either.
    public static bool Carries(HttpRequest request) =>
        request.Cookies.ContainsKey(CookieName) && !request.Headers.ContainsKey("Authorization")
        && !ApiKeyAuthenticationHandler.Carries(request);

    public static AuthenticationBuilder AddBranchLedgerWebSessions(this AuthenticationBuilder auth, WebApplicationBuilder builder, AuthOptions options, bool hasLocalKey)
    {
        var web = builder.Configuration.GetSection("Web").Get<WebOptions>() ?? new WebOptions();
        builder.Services.Configure<WebOptions>(builder.Configuration.GetSection("Web"));
        builder.Services.AddSingleton(new WebSignInModes(web.DevSignIn && hasLocalKey, Oidc: CanUseOidc(options, web)));
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<WebSessionRevocations>();
        auth.AddCookie(Scheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
            o.SlidingExpiration = false;
            o.ExpireTimeSpan = TimeSpan.FromHours(web.SessionHours);
            // An API client: never redirect a JSON call to a login page, answer 401/403.
            o.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
            o.Events.OnSigningIn = context =>
            {
                // Every session, however it was made, gets its own anti-forgery value and id, made here:
                // never values an issuer's token happened to carry under the same names.
                if (context.Principal?.Identity is ClaimsIdentity identity)
                {
                    foreach (var type in new[] { CsrfClaim, SessionIdClaim })
                    {
                        foreach (var claim in identity.FindAll(type).ToList())
                        {
                            identity.RemoveClaim(claim);
                        }

                        identity.AddClaim(new Claim(type, RandomNumberGenerator.GetHexString(32, lowercase: true)));
                    }
                }

                return Task.CompletedTask;
            };
            // The cookie is self-contained: a session signed out here is refused by its id until it would have expired.
            o.Events.OnValidatePrincipal = context =>
            {
                var revocations = context.HttpContext.RequestServices.GetRequiredService<WebSessionRevocations>();
                if (revocations.IsRevoked(context.Principal?.FindFirst(SessionIdClaim)?.Value))
                {
                    context.RejectPrincipal();
                }

                return Task.CompletedTask;
            };
        });

        if (CanUseOidc(options, web))
        {
            auth.AddOpenIdConnect(OidcScheme, o =>
            {
                o.Authority = options.Authority;
                o.ClientId = web.OidcClientId;
                o.ClientSecret = web.OidcClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                // The code comes back on a plain redirect (no self-posting form at the issuer): it is useless
                // without the PKCE verifier this gateway keeps, and the callback stays a top-level GET.
                o.ResponseMode = "query";
                o.SignInScheme = Scheme;
                o.CallbackPath = Route + "/signin-oidc";
                o.RequireHttpsMetadata = options.RequireHttpsMetadata;
                o.MapInboundClaims = false;
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                // The issuer names whose subject this is; grant claims are only believed per Auth:TrustIssuerGrants.
                o.ClaimActions.Remove("iss");
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                o.TokenValidationParameters.NameClaimType = "sub";
                o.Events.OnTicketReceived = async context =>
                {
                    // "Keep me signed in on this device" travels through the issuer in the protected state.
                    var trusted = context.Properties!.Items.TryGetValue(TrustedItem, out var flag) && flag == "1";
                    var lifetime = await SessionLengthAsync(context.HttpContext, web, trusted, tenant: null);
                    context.Properties.IsPersistent = trusted;
                    context.Properties.ExpiresUtc = DateTimeOffset.UtcNow + lifetime;
                };
                // A refused sign-in (issuer error, bad state, code refused at the token endpoint) sends the
                // person back to the sign-in page with a message, not to an error page; no session is made.
                o.Events.OnRemoteFailure = context =>
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                        .CreateLogger(typeof(WebSessions)).LogWarning(context.Failure, "OIDC sign-in failed");
                    context.Response.Redirect(Route + "/?signin-failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        }

        return auth;
    }

    /// <summary>Refuses a write made with the session cookie that does not carry the session's anti-forgery value.</summary>
    public static IApplicationBuilder UseBranchLedgerWebSessionCsrf(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var identity = context.User.Identity;
            if (identity?.IsAuthenticated == true && Carries(context.Request) && !HttpMethods.IsGet(context.Request.Method)
                && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method))
            {
                var expected = context.User.FindFirst(CsrfClaim)?.Value;
                var sent = context.Request.Headers[CsrfHeader].ToString();
                if (expected is null || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(sent)))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.Response.WriteAsJsonAsync(new { code = (int)Grpc.Core.StatusCode.PermissionDenied, message = "会话校验失败，请刷新页面后重试。", details = Array.Empty<object>() });
                    return;
                }
            }

            await next(context);
        });

    public static WebApplication MapBranchLedgerWebSessions(this WebApplication app)
    {
        var group = app.MapGroup(Route);

        // What the sign-in page needs: who is signed in (and the anti-forgery value), or how to sign in.
        group.MapGet("/session", (HttpContext http, WebSignInModes modes) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            var user = http.User;
            if (user.Identity?.IsAuthenticated == true && Carries(http.Request))
            {
                return Results.Json(new { signedIn = true, subject = user.FindFirst("sub")?.Value, csrf = user.FindFirst(CsrfClaim)?.Value });
            }

            return Results.Json(new { signedIn = false, devSignIn = modes.Development, oidc = modes.Oidc });
        });

        group.MapGet("/sign-in/oidc", (HttpContext http, WebSignInModes modes) =>
        {
            if (!modes.Oidc)
            {
                return Results.NotFound();
            }

            var properties = new AuthenticationProperties { RedirectUri = Route + "/" };
            properties.Items[TrustedItem] = http.Request.Query["trusted"] == "1" ? "1" : "0";
            return Results.Challenge(properties, [OidcScheme]);
        });

        group.MapPost("/sign-in/dev", async (HttpContext http, DevSignIn form, WebSignInModes modes, IOptions<WebOptions> web) =>
        {
            // Not offered at all unless configured: a production gateway answers as for any unknown path.
            if (!modes.Development)
            {
                return Results.NotFound();
            }

            // A sign-in from another site's form cannot set this header (login CSRF).
            if (!http.Request.Headers.ContainsKey(CsrfHeader))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var violations = new Violations();
            var grant = form.Grant(violations);
            violations.Text("name", form.Name, MaxNameLength, required: true);
            if (!violations.IsEmpty)
            {
                return Results.Json(new { code = (int)Grpc.Core.StatusCode.InvalidArgument, message = "登录信息填写有误。", violations = violations.Items }, statusCode: StatusCodes.Status400BadRequest);
            }

            var claims = new List<Claim> { new("sub", form.Name!.Trim()), new("iss", BranchLedgerClaims.LocalIssuer) };
            if (grant is not null)
            {
                claims.Add(new Claim(BranchLedgerClaims.Grant, grant.ToString()));
            }

            var lifetime = await SessionLengthAsync(http, web.Value, form.Trusted, grant?.Tenants is { Count: 1 } one ? one.First() : null);
            await http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, "sub", null)),
                new AuthenticationProperties { IsPersistent = form.Trusted, ExpiresUtc = DateTimeOffset.UtcNow + lifetime });
            return Results.NoContent();
        });

        group.MapPost("/sign-out", async (HttpContext http, WebSessionRevocations revocations) =>
        {
            // Only a session that passed the anti-forgery check gets here with its identity (a foreign page cannot sign people out).
            var session = await http.AuthenticateAsync(Scheme);
            if (session.Succeeded && Carries(http.Request))
            {
                revocations.Revoke(session.Principal.FindFirst(SessionIdClaim)?.Value, session.Properties.ExpiresUtc);
            }

            await http.SignOutAsync(Scheme);
            return Results.NoContent();
        });
        return app;
    }

    /// <summary>
    /// How long a new session lasts: a browser session of <see cref="WebOptions.SessionHours"/>, or on a
    /// trusted device the days its tenant set (<c>TenantProfile.session_days</c>), else the configured default.
    /// </summary>
    private static async Task<TimeSpan> SessionLengthAsync(HttpContext http, WebOptions web, bool trusted, string? tenant)
    {
        if (!trusted)
        {
            return TimeSpan.FromHours(web.SessionHours);
        }

        if (tenant is not null)
        {
            try
            {
                // Reading the tenant's own profile acts for that tenant (the silo's boundary filter checks it).
                TenantBoundary.ActFor(tenant);
                var info = await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<ITenantGrain>(GrainKeys.Tenant(tenant)).GetTenant();
                if (info?.Profile.SessionDays is > 0 and var days)
                {
                    return TimeSpan.FromDays(days);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The sign-in still works with the default; the directory being briefly away is no reason to refuse it.
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebSessions))
                    .LogWarning(ex, "Could not read the session length of tenant {Tenant}; using the default", tenant);
            }
        }

        return TimeSpan.FromDays(web.TrustedSessionDays);
    }

    private static bool CanUseOidc(AuthOptions options, WebOptions web) =>
        !string.IsNullOrWhiteSpace(options.Authority) && !string.IsNullOrWhiteSpace(web.OidcClientId);

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}

/// <summary>The ways to sign in this gateway offers.</summary>
internal sealed record WebSignInModes(bool Development, bool Oidc);

/// <summary>
/// The development sign-in form: a name to act as, and optionally a role claimed for a tenant (and,
/// for a branch secretary or verifier, branches). With no role, only the bindings stored for the name count.
/// </summary>
internal sealed record DevSignIn(string? Name, string? Role, string? Tenant, IReadOnlyList<string>? Nodes, bool Trusted)
{
    public Grant? Grant(Violations violations)
    {
        if (string.IsNullOrEmpty(Role))
        {
            return null;
        }

        if (!RoleNames.TryParse(Role, out var role))
        {
            violations.Add("role", "must be one of the defined values");
            return null;
        }

        var nodes = Nodes?.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList() ?? [];
        var grant = Tenant is null or "" or "*"
            ? Domain.Access.Grant.Everywhere(role)
            : Domain.Access.Grant.Parse($"{RoleNames.Name(role)}@{Tenant.Trim()}" + (nodes.Count > 0 ? "#" + string.Join(',', nodes) : ""));
        if (grant is null)
        {
            violations.Add("tenant", "must be a tenant id (and branches node ids)");
            return null;
        }

        if (GrantRules.Problem(grant) is { } problem)
        {
            violations.Add("role", problem);
            return null;
        }

        return grant;
    }
}
