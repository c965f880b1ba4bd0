using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Scoring;

/// <summary>
/// Reads and writes the documented rubric JSON format: camelCase fields, enum values as camelCase
/// strings (<c>linearToTarget</c>, <c>branch</c>), numbers as JSON numbers, optional fields left out.
/// Reading is strict — unknown or repeated fields, comments and trailing commas are refused — and never
/// throws: every problem becomes a field violation, all of them at once. Writing then reading gives the
/// same rubric, and reading then writing a written document gives the same text.
/// </summary>
public static class RubricJson
{
    /// <summary>The longest document accepted, in characters (a full rubric is a few kilobytes).</summary>
    public const int MaxLength = 1_000_000;

    private static readonly Dictionary<string, ScoringRule> RuleNames = new(StringComparer.Ordinal)
    {
        ["linearToTarget"] = ScoringRule.LinearToTarget,
        ["threshold"] = ScoringRule.Threshold,
        ["deductionPerMiss"] = ScoringRule.DeductionPerMiss,
    };

    private static readonly Dictionary<string, IndicatorScope> ScopeNames = new(StringComparer.Ordinal)
    {
        ["branch"] = IndicatorScope.Branch,
        ["organisation"] = IndicatorScope.Organisation,
        ["both"] = IndicatorScope.Both,
    };

    private static readonly string[] RubricFields = ["id", "version", "name", "categories", "gradeBands"];
    private static readonly string[] CategoryFields = ["id", "name", "description", "indicators"];
    private static readonly string[] IndicatorFields = ["id", "name", "weight", "measure", "rule", "target", "perMiss", "floor", "appliesTo"];
    private static readonly string[] BandFields = ["id", "name", "minScore"];

    private static readonly JsonDocumentOptions ReadOptions = new()
    {
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    private static readonly JsonWriterOptions WriteOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The rubric as a JSON document (indented with two spaces, "\n" line ends, a final line end).</summary>
    public static string Write(Rubric rubric)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriteOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", rubric.Id);
            writer.WriteNumber("version", rubric.Version);
            writer.WriteString("name", rubric.Name);
            writer.WriteStartArray("categories");
            foreach (var category in rubric.Categories)
            {
                WriteCategory(writer, category);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("gradeBands");
            foreach (var band in rubric.GradeBands)
            {
                writer.WriteStartObject();
                writer.WriteString("id", band.Id);
                writer.WriteString("name", band.Name);
                writer.WriteNumber("minScore", band.MinScore);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>
    /// Reads a rubric and checks it with <see cref="RubricRules.Check"/>. Returns it only when there is
    /// no problem; otherwise null, with every problem added to <paramref name="violations"/> at paths
    /// like <c>rubric.categories[0].indicators[2].target</c>.
    /// </summary>
    public static Rubric? Read(string? json, Violations violations, string prefix = "rubric")
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            violations.Add(prefix, "is required: a rubric as a JSON document");
            return null;
        }

        if (json.Length > MaxLength)
        {
            violations.Add(prefix, $"must be at most {MaxLength} characters (got {json.Length})");
            return null;
        }

        // Raw control characters are never valid JSON, and half a surrogate pair cannot even be transcoded for the parser.
        if (!TextRules.IsStorable(json))
        {
            violations.Add(prefix, "must be well-formed Unicode text without control characters (other than tabs and line breaks)");
            return null;
        }

        JsonDocument document;
        try
        {
            // A byte order mark is an artefact of the editor that saved the file, not content.
            document = JsonDocument.Parse(json.AsMemory().TrimStart('\uFEFF'), ReadOptions);
        }
        catch (JsonException e)
        {
            violations.Add(prefix, "is not well-formed JSON" + Where(e) + FirstSentence(e.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // Checking for repeated fields unescapes every field name; one escaping half a surrogate pair (\ud800) fails.
            violations.Add(prefix, "must not contain invalid Unicode escapes");
            return null;
        }

        using (document)
        {
            // What only the reader can tell (a wrong type, an unknown field, a misspelt enum) comes first;
            // the rules' own words about the same field would only repeat it.
            var reading = new Violations();
            var rubric = ReadRubric(document.RootElement, reading, prefix);
            if (rubric is null)
            {
                Copy(reading, violations);
                return null;
            }

            var ruled = RubricRules.Check(rubric, new Violations(), prefix);
            var seen = reading.Items.Select(v => v.Field).ToHashSet(StringComparer.Ordinal);
            Copy(reading, violations);
            foreach (var violation in ruled.Items.Where(v => !seen.Contains(v.Field)))
            {
                violations.Add(violation.Field, violation.Description);
            }

            return reading.IsEmpty && ruled.IsEmpty ? rubric : null;
        }
    }

    private static void WriteCategory(Utf8JsonWriter writer, RubricCategory category)
    {
        writer.WriteStartObject();
        writer.WriteString("id", category.Id);
        writer.WriteString("name", category.Name);
        if (category.Description is not null)
        {
            writer.WriteString("description", category.Description);
        }

        writer.WriteStartArray("indicators");
        foreach (var indicator in category.Indicators)
        {
            writer.WriteStartObject();
            writer.WriteString("id", indicator.Id);
            writer.WriteString("name", indicator.Name);
            writer.WriteNumber("weight", indicator.Weight);
            writer.WriteString("measure", indicator.Measure);
            writer.WriteString("rule", NameOf(RuleNames, indicator.Rule));
            WriteOptional(writer, "target", indicator.Target);
            WriteOptional(writer, "perMiss", indicator.PerMiss);
            WriteOptional(writer, "floor", indicator.Floor);
            writer.WriteString("appliesTo", NameOf(ScopeNames, indicator.AppliesTo));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    private static Rubric? ReadRubric(JsonElement root, Violations reading, string path)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            reading.Add(path, "must be a JSON object");
            return null;
        }

        IsObject(root, reading, path, RubricFields);

        var version = Integer(root, "version", reading, path);
        if (version is null && !Has(root, "version"))
        {
            reading.Add(path + ".version", "is required");
        }

        return new Rubric(
            Text(root, "id", reading, path) ?? "",
            version ?? 0,
            Text(root, "name", reading, path) ?? "",
            List(root, "categories", reading, path, ReadCategory)!,
            List(root, "gradeBands", reading, path, ReadBand)!);
    }

    private static RubricCategory? ReadCategory(JsonElement element, Violations reading, string path) =>
        !IsObject(element, reading, path, CategoryFields)
            ? null
            : new RubricCategory(
                Text(element, "id", reading, path) ?? "",
                Text(element, "name", reading, path) ?? "",
                Text(element, "description", reading, path),
                List(element, "indicators", reading, path, ReadIndicator)!);

    private static RubricIndicator? ReadIndicator(JsonElement element, Violations reading, string path) =>
        !IsObject(element, reading, path, IndicatorFields)
            ? null
            : new RubricIndicator(
                Text(element, "id", reading, path) ?? "",
                Text(element, "name", reading, path) ?? "",
                RequiredNumber(element, "weight", reading, path),
                Text(element, "measure", reading, path) ?? "",
                Enumerated(element, "rule", RuleNames, reading, path),
                Number(element, "target", reading, path),
                Number(element, "perMiss", reading, path),
                Number(element, "floor", reading, path),
                Enumerated(element, "appliesTo", ScopeNames, reading, path));

    private static GradeBand? ReadBand(JsonElement element, Violations reading, string path) =>
        !IsObject(element, reading, path, BandFields)
            ? null
            : new GradeBand(
                Text(element, "id", reading, path) ?? "",
                Text(element, "name", reading, path) ?? "",
                RequiredNumber(element, "minScore", reading, path));

    /// <summary>True for an object; every field it has that the format does not know is a violation.</summary>
    private static bool IsObject(JsonElement element, Violations reading, string path, string[] fields)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            // A null element is left to the rules ("is required"); other kinds are the reader's to name.
            if (element.ValueKind != JsonValueKind.Null)
            {
                reading.Add(path, "must be an object");
            }

            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!fields.Contains(property.Name, StringComparer.Ordinal))
            {
                reading.Add($"{path}.{property.Name}", $"is not a field of the rubric format here (fields: {string.Join(", ", fields)})");
            }
        }

        return true;
    }

    private static bool Has(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    private static string? Text(JsonElement element, string name, Violations reading, string path)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            reading.Add($"{path}.{name}", "must be a string");
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            reading.Add($"{path}.{name}", "must not contain invalid Unicode escapes (half a surrogate pair)");
            return null;
        }
    }

    private static decimal? Number(JsonElement element, string name, Violations reading, string path)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            reading.Add($"{path}.{name}", "must be a number");
            return null;
        }

        if (!value.TryGetDecimal(out var number))
        {
            reading.Add($"{path}.{name}", "is out of range");
            return null;
        }

        return number;
    }

    private static decimal RequiredNumber(JsonElement element, string name, Violations reading, string path)
    {
        var number = Number(element, name, reading, path);
        if (number is null && !Has(element, name))
        {
            reading.Add($"{path}.{name}", "is required");
        }

        return number ?? 0m;
    }

    private static int? Integer(JsonElement element, string name, Violations reading, string path)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            reading.Add($"{path}.{name}", "must be a whole number (at most 2147483647)");
            return null;
        }

        return number;
    }

    private static T Enumerated<T>(JsonElement element, string name, Dictionary<string, T> names, Violations reading, string path)
        where T : struct, Enum
    {
        var text = Text(element, name, reading, path);
        if (text is not null && names.TryGetValue(text, out var value))
        {
            return value;
        }

        if (text is not null || !Has(element, name))
        {
            var allowed = string.Join(", ", names.Keys);
            reading.Add($"{path}.{name}", text is null ? $"is required: one of {allowed}" : $"'{text}' is not one of {allowed}");
        }

        return default;
    }

    /// <summary>
    /// The items of an array field, each read by <paramref name="read"/>; an item that is not an object
    /// stays in place as null so that later paths keep their indexes. Null when absent or not an array.
    /// </summary>
    private static List<T?>? List<T>(
        JsonElement element, string name, Violations reading, string path, Func<JsonElement, Violations, string, T?> read)
        where T : class
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            reading.Add($"{path}.{name}", "must be an array");
            return null;
        }

        return value.EnumerateArray().Select((item, i) => read(item, reading, $"{path}.{name}[{i}]")).ToList();
    }

    private static string NameOf<T>(Dictionary<string, T> names, T value)
        where T : struct, Enum =>
        names.FirstOrDefault(n => EqualityComparer<T>.Default.Equals(n.Value, value)).Key
        ?? JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string Where(JsonException e) =>
        e.LineNumber is { } line && e.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {position + 1})")
            : "";

    /// <summary>The reader's reason ("'/' is invalid after a value."), without its advice and positions.</summary>
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return ": " + (end < 0 ? message : message[..(end + 1)]);
    }

    private static void Copy(Violations from, Violations to)
    {
        foreach (var violation in from.Items)
        {
            to.Add(violation.Field, violation.Description);
        }
    }
}
