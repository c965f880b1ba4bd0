using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Reports;

namespace BranchLedger.Contracts.Ledger;

/// <summary>
/// The record bodies by family, and their fields read through the record catalogue: a body's property for a
/// catalogue field is the field's proto name in PascalCase (<c>participants</c> → <c>Participants</c>). What
/// mapping, exports and report facts need to handle a kind added through the catalogue without code of its own.
/// </summary>
public static class RecordBodies
{
    // Every concrete body, by its family; Family is a constant of the type, so an uninitialised instance answers it.
    private static readonly IReadOnlyDictionary<string, Type> ByFamily = typeof(RecordBody).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(RecordBody)) && !t.IsAbstract)
        .ToDictionary(t => ((RecordBody)RuntimeHelpers.GetUninitializedObject(t)).Family, StringComparer.Ordinal);

    /// <summary>The body type of a family (<c>activity</c> → <see cref="ActivityDetails"/>), or null.</summary>
    public static Type? TypeOf(string family) => ByFamily.GetValueOrDefault(family);

    /// <summary>The property holding a field of a body type, or null when the type has none of that name.</summary>
    public static PropertyInfo? Property(Type bodyType, string protoFieldName)
    {
        ArgumentNullException.ThrowIfNull(bodyType);
        return bodyType.GetProperty(PascalName(protoFieldName), BindingFlags.Public | BindingFlags.Instance);
    }

    /// <summary>A field's value, or null when the body has no such field.</summary>
    public static object? Value(RecordBody body, string protoFieldName)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Property(body.GetType(), protoFieldName)?.GetValue(body);
    }

    /// <summary>
    /// The report fact of a record whose kind declares report figures in the catalogue; null for every
    /// other kind (the report counts those in code, or leaves them out on purpose).
    /// </summary>
    public static RecordFact? Fact(string nodeId, long sequence, RecordBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var kind = RecordCatalogue.ByBody(body.Family);
        if (kind is null || kind.Report.Count == 0)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        // Text fields too: a figure may name its records by them (ReportCount.Names).
        foreach (var field in kind.Fields.Where(f => f.Rule.Type is FieldType.Choice or FieldType.WholeNumber or FieldType.YesNo or FieldType.Text))
        {
            fields[field.Rule.Name] = Value(body, field.Rule.Name) switch
            {
                Enum e => RecordCatalogue.ProtoName(e),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other?.ToString() ?? "",
            };
        }

        return new RecordFact(nodeId, sequence, body.Family, body.Date, fields);
    }

    /// <summary>What a record is about in one line for a report's trace: its first text field (the topic, the name, …).</summary>
    public static string Summary(RecordBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = RecordCatalogue.ByBody(body.Family)?.Fields.FirstOrDefault(f => f.Rule.Type == FieldType.Text);
        return text is null ? "" : Value(body, text.Rule.Name) as string ?? "";
    }

    /// <summary>expected_attendees → ExpectedAttendees.</summary>
    public static string PascalName(string protoFieldName)
    {
        ArgumentNullException.ThrowIfNull(protoFieldName);
        return string.Concat(protoFieldName.Split('_').Select(p => p.Length == 0 ? "" : char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
