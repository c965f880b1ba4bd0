using System.Text.RegularExpressions;

namespace BranchLedger.Reports;

/// <summary>Fills {name} placeholders; a name the resolver does not know is a template error.</summary>
internal static partial class TemplateText
{
    // A name may end in a format option (:zh, e.g. {n:zh}); which names and options a text may use is the caller's to say.
    [GeneratedRegex(@"\{([a-z0-9.\-]+(?::[a-z]+)?)\}")]
    private static partial Regex Placeholder();

    public static string Fill(string text, Func<string, string?> resolve) =>
        Placeholder().Replace(text, m => resolve(m.Groups[1].Value)
            ?? throw new InvalidOperationException($"unknown placeholder '{m.Value}' in report template text '{text}'"));

    /// <summary>The placeholder names a text uses.</summary>
    public static IEnumerable<string> Names(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value);
}
