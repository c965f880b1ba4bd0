using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Domain;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// Page tokens of ranking listings: opaque like <see cref="PageToken"/>, but they carry the last row's
/// place (score, tenant, node) instead of an offset, so every shard seeks the next page by binary
/// search and a page neither repeats nor skips branches when others move meanwhile. A token is bound
/// to its listing by a hash of the listing's parameters.
/// </summary>
internal static class RankingPageToken
{
    private const string Version = "r1";

    public static string Encode(string listing, RankingCursor after) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Join('|', Version, after.Score.ToString(CultureInfo.InvariantCulture), after.Tenant, after.NodeId, Bind(listing))));

    /// <summary>False for a token that is not from this listing; the cursor is null for an empty token.</summary>
    public static bool TryDecode(string listing, string token, out RankingCursor? after)
    {
        after = null;
        if (token.Length == 0)
        {
            return true;
        }

        if (token.Length > 512 || !Base64Url.IsValid(token))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|');
        if (parts.Length != 5 || parts[0] != Version || parts[4] != Bind(listing)
            || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score)
            || !Identifiers.IsSlug(parts[2]) || !Identifiers.IsSlug(parts[3]))
        {
            return false;
        }

        after = new RankingCursor(score, parts[2], parts[3]);
        return true;
    }

    private static string Bind(string listing) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing)).AsSpan(0, 8));
}
