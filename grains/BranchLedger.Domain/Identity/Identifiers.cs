namespace BranchLedger.Domain;

/// <summary>The shapes of identifiers: tenants, organisations, branches and client request ids.</summary>
public static class Identifiers
{
    /// <summary>
    /// A slug: 2–63 characters of a–z, 0–9 and '-', starting with a letter. Slugs become parts of
    /// grain keys joined with '/', so they can never contain the separator.
    /// </summary>
    public static bool IsSlug(string value) =>
        value.Length is >= 2 and <= 63
        && value[0] is >= 'a' and <= 'z'
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>A client request id: 1–128 characters of A–Z, a–z, 0–9, '.', '_', ':' and '-' (UUIDs fit).</summary>
    public static bool IsRequestId(string value) =>
        value.Length is >= 1 and <= 128
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');
}
