using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf.Reflection;

namespace BranchLedger.RecordFiles;

/// <summary>Text to protobuf values as people type them, and request ids derived from content.</summary>
public static class ProtoValues
{
    /// <summary>
    /// An enum value from its proto name (NODE_KIND_BRANCH), its name without the prefix (branch,
    /// general-branch) or its C# name (GeneralBranch); the _UNSPECIFIED value is never accepted.
    /// </summary>
    public static int ParseEnum(EnumDescriptor type, string text)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(text);
        var wanted = Squash(text);
        var prefix = Squash(type.Name);
        foreach (var value in type.Values.Where(v => v.Number != 0))
        {
            var full = Squash(value.Name);
            if (wanted == full || prefix + wanted == full)
            {
                return value.Number;
            }
        }

        throw new RecordFileException(
            $"'{text}' is not a {type.Name}; one of {string.Join(", ", type.Values.Where(v => v.Number != 0).Select(v => Short(type, v.Number)))}");
    }

    /// <summary>A value's name without the enum's prefix, lower case: "general_branch".</summary>
    public static string Short(EnumDescriptor type, int number)
    {
        ArgumentNullException.ThrowIfNull(type);
        var value = type.FindValueByNumber(number);
        if (value is null)
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        var prefix = string.Concat(type.Name.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + ch : ch.ToString())).ToUpperInvariant() + "_";
        return (value.Name.StartsWith(prefix, StringComparison.Ordinal) ? value.Name[prefix.Length..] : value.Name).ToLowerInvariant();
    }

    /// <summary>A yyyy-MM-dd day.</summary>
    public static Google.Type.Date ParseDate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new Google.Type.Date { Year = day.Year, Month = day.Month, Day = day.Day }
            : throw new RecordFileException($"'{text}' is not a day (yyyy-MM-dd)");
    }

    /// <summary>
    /// A request id fixed by the content (and a kind), so running the same file again repeats the same
    /// requests and the platform answers them as replays instead of recording twice.
    /// </summary>
    public static string RequestId(string kind, string content) =>
        $"{kind}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..40]}";

    public static string RequestId(string kind, byte[] content) => $"{kind}:{Convert.ToHexStringLower(SHA256.HashData(content))[..40]}";

    private static string Squash(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
