using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BranchLedger.Api.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace BranchLedger.Cli;

/// <summary>One row of a records file: where it is, its node, the row to import, or why it cannot be sent.</summary>
internal sealed record RecordItem(string Where, string NodeId, ImportRow Row, IReadOnlyList<FieldViolation> Problems);

/// <summary>
/// Reads a records file (format in cli/examples/README.md). CSV: node_id, type (the record kind:
/// meeting, talk, honour …), optional request_id, and one column per field of that kind (proto field
/// names; days as yyyy-MM-dd, enums by short name, lists separated by '|'). JSON: an array of ImportRow
/// objects in protobuf JSON with a "nodeId". A row without a request id gets one derived from its
/// node and content, the same for the same record in either format.
/// </summary>
internal static class RecordFile
{
    private static readonly HashSet<string> RowColumns = ["node_id", "request_id", "type"];

    public static IReadOnlyList<RecordItem> Read(FileInfo file) =>
        file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase) ? ReadJson(file.FullName)
        : file.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) ? CsvTable.Read(file.FullName).Select(FromCsv).ToList()
        : throw new CliInputException($"{file.Name}: records are read from .csv or .json files");

    private static RecordItem FromCsv(CsvRow csv)
    {
        var where = "line " + csv.Line.ToString(CultureInfo.InvariantCulture);
        var problems = new List<FieldViolation>();
        var row = new ImportRow { Body = new RecordBody(), RequestId = csv["request_id"] ?? "" };
        var nodeId = csv["node_id"] ?? "";
        if (nodeId.Length == 0)
        {
            problems.Add(new FieldViolation { Field = "node_id", Description = "required" });
        }

        var kind = csv["type"] is { } type ? RecordBody.Descriptor.FindFieldByName(type.ToLowerInvariant().Replace('-', '_')) : null;
        if (kind is null)
        {
            problems.Add(new FieldViolation
            {
                Field = "type",
                Description = $"'{csv["type"]}' is not a record kind; one of {string.Join(", ", RecordBody.Descriptor.Fields.InDeclarationOrder().Select(f => f.Name))}",
            });
            return new RecordItem(where, nodeId, row, problems);
        }

        var record = kind.MessageType.Parser.ParseFrom(ByteString.Empty);
        foreach (var (column, text) in csv.Cells.Where(c => !RowColumns.Contains(c.Key) && c.Value.Trim().Length > 0))
        {
            try
            {
                var field = kind.MessageType.FindFieldByName(column)
                    ?? throw new CliInputException($"not a field of {kind.Name}");
                Set(record, field, text.Trim());
            }
            catch (Exception ex) when (ex is CliInputException or FormatException or OverflowException)
            {
                problems.Add(new FieldViolation { Field = $"{kind.Name}.{column}", Description = ex.Message });
            }
        }

        kind.Accessor.SetValue(row.Body, record);
        return new RecordItem(where, nodeId, WithRequestId(nodeId, row), problems);
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
            _ => throw new CliInputException($"'{text}' is not true or false"),
        },
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, ProtoText.ParseEnum(field.EnumType, text)),
        FieldType.Message when field.MessageType.FullName == Google.Type.Date.Descriptor.FullName => ProtoText.ParseDate(text),
        _ => throw new CliInputException($"{field.Name} cannot be given in CSV; use the JSON format"),
    };

    private static List<RecordItem> ReadJson(string path)
    {
        var array = JsonNode.Parse(File.ReadAllText(path, Encoding.UTF8)) as JsonArray
            ?? throw new CliInputException($"{path}: a JSON array of rows is expected");
        var parser = new JsonParser(JsonParser.Settings.Default);
        var items = new List<RecordItem>();
        for (var i = 0; i < array.Count; i++)
        {
            var where = "row " + (i + 1).ToString(CultureInfo.InvariantCulture);
            if (array[i] is not JsonObject element)
            {
                items.Add(new RecordItem(where, "", new ImportRow(), [new FieldViolation { Field = "", Description = "not an object" }]));
                continue;
            }

            var node = (element["nodeId"] ?? element["node_id"])?.GetValue<string>() ?? "";
            element.Remove("nodeId");
            element.Remove("node_id");
            try
            {
                var row = parser.Parse<ImportRow>(element.ToJsonString());
                items.Add(new RecordItem(where, node, WithRequestId(node, row),
                    node.Length > 0 ? [] : [new FieldViolation { Field = "nodeId", Description = "required" }]));
            }
            catch (InvalidProtocolBufferException ex)
            {
                items.Add(new RecordItem(where, node, new ImportRow(), [new FieldViolation { Field = "", Description = ex.Message }]));
            }
        }

        return items;
    }

    private static ImportRow WithRequestId(string nodeId, ImportRow row)
    {
        if (row.RequestId.Length == 0)
        {
            row.RequestId = ProtoText.RequestId("record", [.. Encoding.UTF8.GetBytes(nodeId + "\n"), .. row.ToByteArray()]);
        }

        return row;
    }
}
