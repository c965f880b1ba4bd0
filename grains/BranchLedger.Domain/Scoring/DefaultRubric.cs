using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Scoring;

/// <summary>
/// The rubric that ships with the platform, modelled on the ten areas of branch standardisation
/// (支部标准化规范化建设), embedded as <c>Scoring/default-rubric.json</c> in the documented format so it
/// can be exported, edited and imported as a new version like any other.
/// </summary>
public static class DefaultRubric
{
    /// <summary>The manifest name of the embedded document.</summary>
    public const string ResourceName = "BranchLedger.Domain.Scoring.default-rubric.json";

    private static readonly Lazy<string> Text = new(ReadResource);
    private static readonly Lazy<Rubric> Parsed = new(Parse);

    /// <summary>The embedded document, exactly as shipped.</summary>
    public static string Json => Text.Value;

    /// <summary>The default rubric, read and checked once.</summary>
    /// <exception cref="InvalidOperationException">when the shipped document is broken (a build defect; the tests prevent it).</exception>
    public static Rubric Load() => Parsed.Value;

    private static string ReadResource()
    {
        using var stream = typeof(DefaultRubric).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Rubric Parse()
    {
        var violations = new Violations();
        return RubricJson.Read(Json, violations)
            ?? throw new InvalidOperationException(
                "the default rubric is not valid: " + string.Join("; ", violations.Items.Select(v => $"{v.Field} {v.Description}")));
    }
}
