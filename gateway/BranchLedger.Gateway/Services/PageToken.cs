using System.Buffers.Text;
using System.Text;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// Opaque AIP-158 page tokens. A token names the query it belongs to, so a token from one branch's
/// listing is refused on another's instead of silently paging the wrong ledger.
/// </summary>
internal static class PageToken
{
    private const string Version = "v1";

    public static string Encode(string scope, long after) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}|{after}|{scope}"));

    /// <summary>The position a token continues after: 0 for an empty token, null for a bad one.</summary>
    public static long? Decode(string scope, string token)
    {
        if (token.Length == 0)
        {
            return 0;
        }

        if (token.Length > 512 || !Base64Url.IsValid(token))
        {
            return null;
        }

        // The scope goes last: it may itself contain the separator.
        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|', 3);
        return parts.Length == 3 && parts[0] == Version && parts[2] == scope
            && long.TryParse(parts[1], out var after) && after >= 0
                ? after
                : null;
    }
}
