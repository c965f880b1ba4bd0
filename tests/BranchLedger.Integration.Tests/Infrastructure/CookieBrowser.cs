using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>
/// A browser as far as cookies go, in front of an in-process gateway: keeps the cookies the gateway sets
/// (and forgets those it deletes), follows no redirect by itself, and shows every <c>Set-Cookie</c> as
/// sent, so tests can check a cookie's attributes and replay an old value. It talks HTTPS, as a browser
/// to a deployed gateway: the OIDC handler's correlation cookies are <c>Secure</c>.
/// </summary>
public sealed class CookieBrowser(WebApplicationFactory<Program> host) : IDisposable
{
    public static readonly Uri Origin = new("https://localhost");

    private readonly HttpClient _http = new(host.Server.CreateHandler()) { BaseAddress = Origin };

    /// <summary>The cookies held, by name.</summary>
    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>Set-Cookie</c> headers of the last response.</summary>
    public IList<SetCookieHeaderValue> LastSetCookies { get; private set; } = [];

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await _http.SendAsync(request);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? SetCookieHeaderValue.ParseList(values.ToList()) : [];
        foreach (var cookie in LastSetCookies)
        {
            var deleted = cookie.Value.Length == 0 || cookie.Expires is { } expires && expires < DateTimeOffset.UtcNow;
            if (deleted)
            {
                Cookies.Remove(cookie.Name.ToString());
            }
            else
            {
                Cookies[cookie.Name.ToString()] = cookie.Value.ToString();
            }
        }

        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string url, params (string Name, string Value)[] headers) =>
        SendAsync(With(new HttpRequestMessage(HttpMethod.Get, url), headers));

    public Task<HttpResponseMessage> PostJsonAsync(string url, object? body, params (string Name, string Value)[] headers) =>
        SendAsync(With(new HttpRequestMessage(HttpMethod.Post, url) { Content = body is null ? null : JsonContent.Create(body) }, headers));

    /// <summary>The JSON body of a GET that must succeed.</summary>
    public async Task<JsonElement> JsonAsync(string url)
    {
        using var response = await GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage With(HttpRequestMessage request, (string Name, string Value)[] headers)
    {
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return request;
    }
}
