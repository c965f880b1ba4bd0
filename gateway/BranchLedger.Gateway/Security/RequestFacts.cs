using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// What authorization and the audit trail need from any request, read through protobuf reflection so
/// a new RPC is covered by naming its fields the way every other RPC does (node_id, request_id, …).
/// </summary>
internal static class RequestFacts
{
    private const int MaxTargetsLength = 512;

    private static readonly HashSet<string> TargetFields = new(StringComparer.Ordinal)
    {
        "node_id", "organisation_id", "parent_id", "tenant_id", "subject", "grant", "key_id", "year", "record_id", "period",
    };

    /// <summary>The node ids a request names at its top level (the nodes a write touches).</summary>
    public static IReadOnlyList<string> NodeIds(object request) =>
        request is IMessage message
            ? [.. Scalars(message).Where(f => f.Name == "node_id").Select(f => f.Value).Where(v => v.Length > 0)]
            : [];

    /// <summary>The request id, or for imports the first row's, or empty.</summary>
    public static string RequestId(object request)
    {
        if (request is not IMessage message)
        {
            return "";
        }

        var own = Scalars(message).FirstOrDefault(f => f.Name == "request_id").Value;
        if (!string.IsNullOrEmpty(own))
        {
            return own;
        }

        var rows = message.Descriptor.Fields.InFieldNumberOrder().FirstOrDefault(f => f.IsRepeated && f.FieldType == FieldType.Message);
        return rows?.Accessor.GetValue(message) is System.Collections.IList { Count: > 0 } list && list[0] is IMessage first
            ? Scalars(first).FirstOrDefault(f => f.Name == "request_id").Value ?? ""
            : "";
    }

    /// <summary>A short description of what a request is about, for the audit trail.</summary>
    public static string Targets(object request)
    {
        if (request is not IMessage message)
        {
            return "";
        }

        var parts = Scalars(message).Where(f => TargetFields.Contains(f.Name) && f.Value.Length > 0).Select(f => $"{f.Name}={f.Value}").ToList();
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder().Where(f => f.IsRepeated))
        {
            if (field.Accessor.GetValue(message) is System.Collections.IList { Count: > 0 } list)
            {
                parts.Add($"{field.Name}[{list.Count}]");
            }
        }

        var text = string.Join(' ', parts);
        return text.Length <= MaxTargetsLength ? text : text[..MaxTargetsLength];
    }

    private static IEnumerable<(string Name, string Value)> Scalars(IMessage message) =>
        message.Descriptor.Fields.InFieldNumberOrder()
            .Where(f => !f.IsRepeated && !f.IsMap && f.FieldType is FieldType.String or FieldType.Int32 or FieldType.Int64)
            .Select(f => (f.Name, Convert.ToString(f.Accessor.GetValue(message), System.Globalization.CultureInfo.InvariantCulture) ?? ""));
}
