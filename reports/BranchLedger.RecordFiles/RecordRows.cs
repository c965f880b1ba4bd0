using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BranchLedger.Api.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace BranchLedger.RecordFiles;

/// <summary>One row of a records file: where it is, its node, the row to import, or why it cannot be sent.</summary>
public sealed record RecordItem(string Where, int Line, string NodeId, ImportRow Row, IReadOnlyList<FieldViolation> Problems);

/// <summary>
/// Reads a records file (format in cli/examples/README.md). A table (CSV or the first sheet of an .xlsx):
/// node_id, type (the record kind: meeting, talk, honour …), optional request_id, and one column per field
/// of that kind (proto field names; days as yyyy-MM-dd, enums by short name, lists separated by '|').
/// JSON: an array of ImportRow objects in protobuf JSON with a "nodeId". A row without a request id gets
/// one derived from its node and content, the same for the same record in any format — so importing a
/// file again records nothing twice.
/// </summary>
public static class RecordRows
{
    private static readonly HashSet<string> RowColumns = ["node_id", "request_id", "type"];

    /// <summary>
    /// The rows of a table. With <paramref name="intoNode"/> (a file uploaded into one node's ledger) the
    /// node_id column may be left out; a row naming another node is refused rather than moved.
    /// </summary>
    public static IReadOnlyList<RecordItem> FromTable(IEnumerable<CsvRow> rows, string? intoNode = null) =>
        [.. rows.Select(r => FromRow(r, intoNode))];

    /// <summary>The rows of a JSON array of ImportRow objects, each with its "nodeId".</summary>
    public static IReadOnlyList<RecordItem> FromJson(string json)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new RecordFileException($"not JSON: {ex.Message}");
        }

        var array = parsed as JsonArray ?? throw new RecordFileException("a JSON array of rows is expected");
        var parser = new JsonParser(JsonParser.Settings.Default);
        var items = new List<RecordItem>();
        for (var i = 0; i < array.Count; i++)
        {
            var where = "row " + (i + 1).ToString(CultureInfo.InvariantCulture);
            if (array[i] is not JsonObject element)
            {
                items.Add(new RecordItem(where, i + 1, "", new ImportRow(), [new FieldViolation { Field = "", Description = "not an object" }]));
                continue;
            }

            var node = (element["nodeId"] ?? element["node_id"])?.GetValue<string>() ?? "";
            element.Remove("nodeId");
            element.Remove("node_id");
            try
            {
                var row = parser.Parse<ImportRow>(element.ToJsonString());
                items.Add(new RecordItem(where, i + 1, node, WithRequestId(node, row),
                    node.Length > 0 ? [] : [new FieldViolation { Field = "nodeId", Description = "required" }]));
            }
            catch (InvalidProtocolBufferException ex)
            {
                items.Add(new RecordItem(where, i + 1, node, new ImportRow(), [new FieldViolation { Field = "", Description = ex.Message }]));
            }
        }

        return items;
    }

    private static RecordItem FromRow(CsvRow csv, string? intoNode)
    {
        var where = "line " + csv.Line.ToString(CultureInfo.InvariantCulture);
        var problems = new List<FieldViolation>();
        var row = new ImportRow { Body = new RecordBody(), RequestId = csv["request_id"] ?? "" };
        var nodeId = csv["node_id"] ?? intoNode ?? "";
        if (nodeId.Length == 0)
        {
            problems.Add(new FieldViolation { Field = "node_id", Description = "required" });
        }
        else if (intoNode is not null && nodeId != intoNode)
        {
            problems.Add(new FieldViolation { Field = "node_id", Description = $"'{nodeId}' is another node than the one imported into" });
        }

        var kind = csv["type"] is { } type ? RecordBody.Descriptor.FindFieldByName(type.ToLowerInvariant().Replace('-', '_')) : null;
        if (kind is null)
        {
            problems.Add(new FieldViolation
            {
                Field = "type",
                Description = $"'{csv["type"]}' is not a record kind; one of {string.Join(", ", RecordBody.Descriptor.Fields.InDeclarationOrder().Select(f => f.Name))}",
            });
            return new RecordItem(where, csv.Line, nodeId, row, problems);
        }

        var record = kind.MessageType.Parser.ParseFrom(ByteString.Empty);
        foreach (var (column, text) in csv.Cells.Where(c => !RowColumns.Contains(c.Key) && c.Value.Trim().Length > 0))
        {
            try
            {
                var field = kind.MessageType.FindFieldByName(column)
                    ?? throw new RecordFileException($"not a field of {kind.Name}");
                Set(record, field, text.Trim());
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                problems.Add(new FieldViolation { Field = $"{kind.Name}.{column}", Description = ex.Message });
            }
        }

        kind.Accessor.SetValue(row.Body, record);
        return new RecordItem(where, csv.Line, nodeId, WithRequestId(nodeId, row), problems);
    }

    private static void Set(IMessage record, FieldDescriptor field, string text)
    {
        if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(record);
            foreach (var part in text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                list.Add(Value(field, part));
            }
        }
        else
        {
            field.Accessor.SetValue(record, Value(field, text));
        }
    }

    private static object Value(FieldDescriptor field, string text) => field.FieldType switch
    {
        FieldType.String => text,
        FieldType.Int32 => int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        FieldType.Int64 => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        FieldType.Double => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        FieldType.Bool => text.ToLowerInvariant() switch
        {
            "true" or "yes" or "1" or "y" => true,
            "false" or "no" or "0" or "n" => false,
            _ => throw new RecordFileException($"'{text}' is not true or false"),
        },
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, ProtoValues.ParseEnum(field.EnumType, text)),
        FieldType.Message when field.MessageType.FullName == Google.Type.Date.Descriptor.FullName => Day(text),
        _ => throw new RecordFileException($"{field.Name} cannot be given in a table; use the JSON format"),
    };

    // A spreadsheet keeps a day typed into a date cell as its serial number (days since 1899-12-30).
    private static Google.Type.Date Day(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            var day = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return new Google.Type.Date { Year = day.Year, Month = day.Month, Day = day.Day };
        }

        return ProtoValues.ParseDate(text);
    }

    private static ImportRow WithRequestId(string nodeId, ImportRow row)
    {
        if (row.RequestId.Length == 0)
        {
            row.RequestId = ProtoValues.RequestId("record", [.. Encoding.UTF8.GetBytes(nodeId + "\n"), .. row.ToByteArray()]);
        }

        return row;
    }
}
