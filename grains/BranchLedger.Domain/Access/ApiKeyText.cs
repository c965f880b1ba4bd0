using System.Security.Cryptography;
using System.Text;

namespace BranchLedger.Domain.Access;

/// <summary>
/// API keys look like <c>blk_{id}_{secret}</c>: the id finds the key, the secret proves it. Only the
/// SHA-256 of the secret is stored, so a leaked database does not leak working keys.
/// </summary>
public static class ApiKeyText
{
    private const string Prefix = "blk_";

    /// <summary>A fresh key: its id, the text shown once to its owner, and the hash to store.</summary>
    public static (string Id, string Text, string Hash) Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    /// <summary>Splits a presented key into id and secret; false for anything else.</summary>
    public static bool TryParse(string? text, out string id, out string secret)
    {
        id = secret = "";
        if (text is null || text.Length > 200 || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text[Prefix.Length..];
        var underscore = rest.IndexOf('_', StringComparison.Ordinal);
        if (underscore != 16 || rest.Length < 20 || !rest[..16].All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        (id, secret) = (rest[..16], rest[17..]);
        return true;
    }

    /// <summary>The stored form of a secret.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares a presented secret with a stored hash in constant time.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
}
