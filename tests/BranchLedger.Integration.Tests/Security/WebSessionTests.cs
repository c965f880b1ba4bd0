using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace BranchLedger.Integration.Tests.Security;

/// <summary>
/// A gateway offering both ways into the web app: OIDC sign-in at a real issuer on loopback (beside the
/// local key), and the development sign-in.
/// </summary>
public sealed class WebSignInFixture : GatewayFixture
{
    public const string ClientId = "branchledger-web";

    public TestOidcIssuer Issuer { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> GatewaySettings => new Dictionary<string, string>
    {
        ["Auth:Authority"] = Issuer.Url,
        ["Auth:RequireHttpsMetadata"] = "false",
        ["Web:OidcClientId"] = ClientId,
        ["Web:DevSignIn"] = "true",
    };

    public override async Task InitializeAsync()
    {
        Issuer = await TestOidcIssuer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}

/// <summary>The web app's sign-in: OIDC with PKCE, the development sign-in, the anti-forgery check, expiry and sign-out.</summary>
public sealed class WebSessionTests(WebSignInFixture fixture) : IClassFixture<WebSignInFixture>
{
    private const string Csrf = "x-branchledger-csrf";
    private const string SessionCookie = "branchledger.session";

    [Fact]
    public async Task OIDC_sign_in_uses_PKCE_and_makes_a_strict_cookie_session_for_the_issuers_subject_with_its_stored_bindings()
    {
        var (tenant, subject) = await TenantAndSubjectAsync("oidc");
        await BindAsync(tenant, subject, $"tenant-admin@{tenant}");
        fixture.Issuer.SignInAs = subject;
        using var browser = new CookieBrowser(fixture.Host);

        using var challenge = await browser.GetAsync("/app/sign-in/oidc");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(fixture.Issuer.Url + "/authorize?", authorize.ToString(), StringComparison.Ordinal);
        var callback = await AtIssuerAsync(authorize);
        var request = fixture.Issuer.Authorizations.Last();
        using var landed = await browser.GetAsync(callback.PathAndQuery);
        var setCookies = browser.LastSetCookies;
        var session = await browser.JsonAsync("/app/session");

        Assert.Equal("code", request.ResponseType);
        Assert.Equal(WebSignInFixture.ClientId, request.ClientId);
        Assert.Equal("https://localhost/app/signin-oidc", request.RedirectUri);
        Assert.Equal("S256", request.CodeChallengeMethod);
        Assert.Equal(43, request.CodeChallenge.Length);
        Assert.NotEmpty(request.State);
        Assert.NotEmpty(request.Nonce);
        Assert.Empty(fixture.Issuer.RefusedTokenRequests);
        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        Assert.Equal("/app/", landed.Headers.Location!.OriginalString);
        var cookie = Assert.Single(setCookies, c => c.Name == SessionCookie);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, cookie.SameSite);
        Assert.Equal("/", cookie.Path.ToString());
        Assert.Null(cookie.Expires);
        Assert.True(session.GetProperty("signedIn").GetBoolean());
        Assert.Equal(subject, session.GetProperty("subject").GetString());
        Assert.Equal(32, session.GetProperty("csrf").GetString()!.Length);
        var caller = await browser.JsonAsync("/v1/access/caller");
        Assert.Equal(subject, caller.GetProperty("subject").GetString());
        Assert.Equal("token:" + fixture.Issuer.Url, caller.GetProperty("credential").GetString());
        Assert.Equal([$"tenant-admin@{tenant}"], Grants(caller));
    }

    [Fact]
    public async Task OIDC_sign_in_whose_code_challenge_was_swapped_is_refused_by_the_issuer_and_makes_no_session()
    {
        fixture.Issuer.SignInAs = "oidc-swapped-" + Guid.NewGuid().ToString("N")[..6];
        using var browser = new CookieBrowser(fixture.Host);

        using var challenge = await browser.GetAsync("/app/sign-in/oidc");
        // Someone who swaps in a challenge of their own verifier: the gateway's verifier no longer matches it.
        var query = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        query["code_challenge"] = TestOidcIssuer.ChallengeOf("attacker-chosen-verifier-attacker-chosen-verifier");
        var swapped = new Uri(QueryHelpers.AddQueryString(challenge.Headers.Location.GetLeftPart(UriPartial.Path), query));
        var callback = await AtIssuerAsync(swapped);
        using var landed = await browser.GetAsync(callback.PathAndQuery);
        var session = await browser.JsonAsync("/app/session");
        using var caller = await browser.GetAsync("/v1/access/caller");

        Assert.Equal("code_verifier", Assert.Single(fixture.Issuer.RefusedTokenRequests.ToArray()[^1..]));
        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        Assert.Equal("/app/?signin-failed", landed.Headers.Location!.OriginalString);
        Assert.DoesNotContain(browser.LastSetCookies, c => c.Name == SessionCookie && c.Value.Length > 0);
        Assert.False(browser.Cookies.ContainsKey(SessionCookie));
        Assert.False(session.GetProperty("signedIn").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, caller.StatusCode);
    }

    [Fact]
    public async Task Development_sign_in_needs_the_anti_forgery_header_and_a_valid_name_role_and_tenant()
    {
        using var browser = new CookieBrowser(fixture.Host);

        using var noHeader = await browser.PostJsonAsync("/app/sign-in/dev", new { name = "李书记", role = "supervisor" });
        var noCookie = browser.Cookies.ContainsKey(SessionCookie);
        using var badRole = await browser.PostJsonAsync("/app/sign-in/dev", new { name = "李书记", role = "mayor" }, (Csrf, "1"));
        using var badTenant = await browser.PostJsonAsync("/app/sign-in/dev", new { name = "李书记", role = "tenant-admin", tenant = "Not A Tenant!" }, (Csrf, "1"));
        using var noName = await browser.PostJsonAsync("/app/sign-in/dev", new { name = " ", role = "supervisor" }, (Csrf, "1"));

        Assert.Equal(HttpStatusCode.Forbidden, noHeader.StatusCode);
        Assert.False(noCookie);
        Assert.Equal(["role"], await ViolatedFieldsAsync(badRole));
        Assert.Equal(["tenant"], await ViolatedFieldsAsync(badTenant));
        Assert.Equal(["name"], await ViolatedFieldsAsync(noName));
        Assert.False(browser.Cookies.ContainsKey(SessionCookie));
    }

    [Fact]
    public async Task Development_sign_in_makes_a_browser_session_with_the_picked_role_and_a_csrf_value()
    {
        using var browser = new CookieBrowser(fixture.Host);

        using var signedIn = await browser.PostJsonAsync("/app/sign-in/dev", new { name = "王督导", role = "supervisor", tenant = "" }, (Csrf, "1"));
        var cookie = Assert.Single(browser.LastSetCookies, c => c.Name == SessionCookie);
        var session = await browser.JsonAsync("/app/session");
        var caller = await browser.JsonAsync("/v1/access/caller");

        Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, cookie.SameSite);
        Assert.Null(cookie.Expires);
        Assert.True(session.GetProperty("signedIn").GetBoolean());
        Assert.Equal("王督导", session.GetProperty("subject").GetString());
        Assert.Equal(32, session.GetProperty("csrf").GetString()!.Length);
        Assert.Equal("token:branchledger-local", caller.GetProperty("credential").GetString());
        Assert.Equal(["supervisor@*"], Grants(caller));
    }

    [Fact]
    public async Task A_trusted_device_gets_a_persistent_cookie_for_the_trusted_days()
    {
        using var browser = new CookieBrowser(fixture.Host);

        using var signedIn = await browser.PostJsonAsync("/app/sign-in/dev", new { name = "赵审计", role = "auditor", trusted = true }, (Csrf, "1"));
        var cookie = Assert.Single(browser.LastSetCookies, c => c.Name == SessionCookie);

        Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
        Assert.NotNull(cookie.Expires);
        Assert.InRange(cookie.Expires.Value, DateTimeOffset.UtcNow.AddDays(7).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(7).AddMinutes(5));
    }

    [Fact]
    public async Task Development_sign_in_without_a_role_acts_with_the_stored_bindings_only()
    {
        var (tenant, subject) = await TenantAndSubjectAsync("dev");
        await BindAsync(tenant, subject, $"branch-secretary@{tenant}#office-branch");
        using var browser = new CookieBrowser(fixture.Host);

        using var signedIn = await browser.PostJsonAsync("/app/sign-in/dev", new { name = subject, role = "", tenant = "*" }, (Csrf, "1"));
        var caller = await browser.JsonAsync("/v1/access/caller");

        Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
        Assert.Equal([$"branch-secretary@{tenant}#office-branch"], Grants(caller));
    }

    [Fact]
    public async Task Development_sign_in_is_not_offered_without_DevSignIn_nor_without_a_local_key()
    {
        // The same gateway, once with the development sign-in left unset (local key still there) and once
        // with it set but only the issuer to trust (no local key).
        await using var unset = fixture.Host.WithWebHostBuilder(b => b.UseSetting("Web:DevSignIn", "false"));
        await using var keyless = fixture.Host.WithWebHostBuilder(b => b.UseSetting("Auth:LocalSigningKey", ""));

        foreach (var host in new WebApplicationFactory<Program>[] { unset, keyless })
        {
            using var browser = new CookieBrowser(host);
            using var refused = await browser.PostJsonAsync("/app/sign-in/dev", new { name = "李书记", role = "platform-admin" }, (Csrf, "1"));
            var session = await browser.JsonAsync("/app/session");

            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.False(browser.Cookies.ContainsKey(SessionCookie));
            Assert.False(session.GetProperty("devSignIn").GetBoolean());
            Assert.True(session.GetProperty("oidc").GetBoolean());
        }

        // The keyless gateway really has no local key: a locally signed token is refused there.
        using var local = new HttpRequestMessage(HttpMethod.Get, "/v1/access/caller");
        local.Headers.Add("authorization", "Bearer " + TestCredentials.Token("someone", []));
        using var refusedToken = await keyless.CreateClient().SendAsync(local);
        Assert.Equal(HttpStatusCode.Unauthorized, refusedToken.StatusCode);
    }

    [Fact]
    public async Task Cookie_writes_need_the_sessions_anti_forgery_value_while_reads_and_bearer_calls_do_not()
    {
        var (tenant, _) = await TenantAndSubjectAsync("csrf");
        using var browser = new CookieBrowser(fixture.Host);
        await SignInDevAsync(browser, "钱管理员", "tenant-admin", tenant);
        var csrf = (await browser.JsonAsync("/app/session")).GetProperty("csrf").GetString()!;

        using var none = await browser.PostJsonAsync("/v1/nodes/office-branch/meetings", Meeting("csrf-none"));
        using var wrong = await browser.PostJsonAsync("/v1/nodes/office-branch/meetings", Meeting("csrf-wrong"), (Csrf, new string('0', 32)));
        var before = await browser.JsonAsync("/v1/nodes/office-branch/records?pageSize=10");
        using var right = await browser.PostJsonAsync("/v1/nodes/office-branch/meetings", Meeting("csrf-right"), (Csrf, csrf));
        // A bearer call is judged by its token alone, even with the cookie beside it.
        using var bearer = await browser.PostJsonAsync("/v1/nodes/office-branch/meetings", Meeting("csrf-bearer"),
            ("authorization", "Bearer " + TestCredentials.Token("json-clerk", [Domain.Access.Grant.For(Domain.Access.Role.TenantAdmin, tenant)])));
        var after = await browser.JsonAsync("/v1/nodes/office-branch/records?pageSize=10");

        Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(0, before.TryGetProperty("records", out var nothing) ? nothing.GetArrayLength() : 0);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Equal(["csrf-bearer", "csrf-right"],
            after.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("requestId").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_session_past_its_expiry_is_refused_a_trusted_one_lasts_its_days()
    {
        // The same gateway with a clock the test moves: the cookie's ticket is checked against it.
        var clock = new MovableClock();
        await using var host = fixture.Host.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.PostConfigure<CookieAuthenticationOptions>("WebSession", o => o.TimeProvider = clock)));
        using var browser = new CookieBrowser(host);
        using var trustedBrowser = new CookieBrowser(host);
        await SignInDevAsync(browser, "孙督导", "supervisor", "");
        using var trusted = await trustedBrowser.PostJsonAsync("/app/sign-in/dev", new { name = "周督导", role = "supervisor", trusted = true }, (Csrf, "1"));

        using var fresh = await browser.GetAsync("/v1/access/caller");
        clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        using var expired = await browser.GetAsync("/v1/access/caller");
        var session = await browser.JsonAsync("/app/session");
        using var trustedLater = await trustedBrowser.GetAsync("/v1/access/caller");
        clock.Advance(TimeSpan.FromDays(7));
        using var trustedExpired = await trustedBrowser.GetAsync("/v1/access/caller");

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.False(session.GetProperty("signedIn").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, trustedLater.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, trustedExpired.StatusCode);
    }

    [Fact]
    public async Task Sign_out_needs_the_anti_forgery_value_and_then_the_old_cookie_no_longer_works()
    {
        using var browser = new CookieBrowser(fixture.Host);
        await SignInDevAsync(browser, "吴书记", "supervisor", "");
        var csrf = (await browser.JsonAsync("/app/session")).GetProperty("csrf").GetString()!;
        var oldValue = browser.Cookies[SessionCookie];

        using var forged = await browser.PostJsonAsync("/app/sign-out", null);
        using var stillIn = await browser.GetAsync("/v1/access/caller");
        using var signedOut = await browser.PostJsonAsync("/app/sign-out", null, (Csrf, csrf));
        var cleared = !browser.Cookies.ContainsKey(SessionCookie);
        browser.Cookies[SessionCookie] = oldValue;
        using var replayed = await browser.GetAsync("/v1/access/caller");
        var session = await browser.JsonAsync("/app/session");

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.True(cleared);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.False(session.GetProperty("signedIn").GetBoolean());
    }

    [Fact]
    public async Task The_web_app_keeps_a_strict_CSP_and_the_session_answer_is_never_cached()
    {
        using var browser = new CookieBrowser(fixture.Host);

        foreach (var file in new[] { "/app/", "/app/app.js", "/app/signin.js", "/app/styles.css" })
        {
            using var response = await browser.GetAsync(file);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        }

        using var session = await browser.GetAsync("/app/session");
        Assert.Equal("no-store", session.Headers.CacheControl?.ToString());
    }

    // Follows the gateway's redirect to the issuer, which signs the person in and redirects back.
    private static async Task<Uri> AtIssuerAsync(Uri authorize)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var answer = await http.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var back = answer.Headers.Location!;
        Assert.Equal("https://localhost/app/signin-oidc", back.GetLeftPart(UriPartial.Path));
        return back;
    }

    private async Task<(string Tenant, string Subject)> TenantAndSubjectAsync(string kind)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var tenant = $"web-{kind}-{suffix}";
        await fixture.EnsureAsync(tenant, "office-branch", members: 30);
        return (tenant, $"{kind}-person-{suffix}");
    }

    private async Task BindAsync(string tenant, string subject, string grant)
    {
        var access = new AccessService.AccessServiceClient(fixture.Host.Channel());
        await access.BindRoleAsync(new BindRoleRequest { Subject = subject, Grant = grant, RequestId = "bind-" + subject }, GatewayHost.As(tenant));
    }

    private static async Task SignInDevAsync(CookieBrowser browser, string name, string role, string tenant)
    {
        using var signedIn = await browser.PostJsonAsync("/app/sign-in/dev", new { name, role, tenant }, (Csrf, "1"));
        Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
    }

    private static string[] Grants(JsonElement caller) =>
        caller.GetProperty("grants").EnumerateArray().Select(g => g.GetString()!).ToArray();

    private static async Task<string[]> ViolatedFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("field").GetString()!).ToArray();
    }

    private static object Meeting(string requestId) => JsonRecords.BranchCommitteeMeeting(requestId);

    /// <summary>A clock that starts at the real time and moves only when told.</summary>
    private sealed class MovableClock : TimeProvider
    {
        private TimeSpan _ahead;

        public void Advance(TimeSpan by) => _ahead += by;

        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + _ahead;
    }
}
