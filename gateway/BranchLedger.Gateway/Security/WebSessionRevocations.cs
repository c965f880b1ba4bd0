using Microsoft.Extensions.Caching.Memory;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// Web sessions signed out before they expired. A session cookie carries its whole ticket, so without
/// this list its value would keep working until its expiry even after sign-out. The list lives in this
/// gateway's memory: with several gateways, a signed-out cookie replayed at another one still works
/// until it expires, and a restart forgets the list (README, Web app).
/// </summary>
internal sealed class WebSessionRevocations(IMemoryCache cache, TimeProvider time)
{
    // A session with no expiry recorded is remembered as long as the longest session can last.
    private static readonly TimeSpan Longest = TimeSpan.FromDays(31);

    public void Revoke(string? sessionId, DateTimeOffset? expires)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return;
        }

        var until = expires ?? time.GetUtcNow() + Longest;
        if (until > time.GetUtcNow())
        {
            cache.Set(Key(sessionId), true, until);
        }
    }

    public bool IsRevoked(string? sessionId) => !string.IsNullOrEmpty(sessionId) && cache.TryGetValue(Key(sessionId), out _);

    private static string Key(string sessionId) => "web-session-revoked:" + sessionId;
}
