using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Ledger;

/// <summary>
/// Evidence (佐证材料) is optional, never required; when given it is a reference the ledger can verify
/// later: an absolute URI, the SHA-256 of the file, and its media type.
/// </summary>
public static class EvidenceRules
{
    /// <summary>The longest URI accepted.</summary>
    public const int MaxUriLength = 2_000;

    /// <summary>Checks one evidence reference.</summary>
    public static Violations Evidence(this Violations violations, string prefix, string uri, string sha256, string mediaType)
    {
        if (string.IsNullOrEmpty(uri))
        {
            violations.Add(prefix + "uri", "is required");
        }
        else if (uri.Length > MaxUriLength || !Uri.TryCreate(uri, UriKind.Absolute, out _) || !TextRules.IsStorable(uri))
        {
            violations.Add(prefix + "uri", $"must be an absolute URI of at most {MaxUriLength} characters");
        }

        if (string.IsNullOrEmpty(sha256))
        {
            violations.Add(prefix + "sha256", "is required: evidence without a hash cannot be verified");
        }
        else if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            violations.Add(prefix + "sha256", "must be 64 lower-case hexadecimal characters");
        }

        if (string.IsNullOrEmpty(mediaType))
        {
            violations.Add(prefix + "media_type", "is required");
        }
        else if (mediaType.Length > 127 || mediaType.Count(c => c == '/') != 1
            || !mediaType.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '+' or '-'))
        {
            violations.Add(prefix + "media_type", "must be a media type such as application/pdf");
        }

        return violations;
    }
}
