using System.Collections;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Validation;
using BranchLedger.Reports;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using V1 = BranchLedger.Api.V1;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// Mapping and export rows of record kinds by name, with no code per kind: a body message's field
/// <c>participants</c> is the contract body's property <c>Participants</c> (see <see cref="RecordBodies"/>),
/// enums match by number (by design, as everywhere in the API), days are google.type.Date. Kinds added through
/// the catalogue use only this; the older kinds keep their hand-written mapping in <see cref="LedgerMapping"/>.
/// Values are scalars, texts, lists of texts and days; a body with nested messages (a meeting's absences)
/// needs a hand-written mapping, and RecordBodiesMappingTests fail until it has one.
/// </summary>
internal static class CatalogueMapping
{
    /// <summary>The contract body of a message body; field paths start with <paramref name="prefix"/> and the kind's field name.</summary>
    public static RecordBody ToBody(V1.RecordBody body, string prefix, Violations violations)
    {
        var kind = V1.RecordBody.Descriptor.Oneofs[0].Accessor.GetCaseFieldDescriptor(body)
            ?? throw new ArgumentException("no kind is set", nameof(body));
        var message = (IMessage)kind.Accessor.GetValue(body);
        var type = RecordBodies.TypeOf(kind.Name)
            ?? throw new InvalidOperationException($"No record body of family '{kind.Name}' in the contracts");
        var result = (RecordBody)Activator.CreateInstance(type)!;
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var property = RecordBodies.Property(type, field.Name)
                ?? throw new InvalidOperationException($"{type.Name} has no property for {kind.Name}.{field.Name}");
            property.SetValue(result, FromProto(field, field.Accessor.GetValue(message), property.PropertyType, $"{prefix}{kind.Name}.{field.Name}", violations));
        }

        return result;
    }

    /// <summary>The message body of a contract body.</summary>
    public static V1.RecordBody ToMessage(RecordBody body)
    {
        var kind = V1.RecordBody.Descriptor.FindFieldByName(body.Family)
            ?? throw new InvalidOperationException($"No API shape for {body.GetType().Name}");
        var message = (IMessage)Activator.CreateInstance(kind.MessageType.ClrType)!;
        foreach (var field in kind.MessageType.Fields.InDeclarationOrder())
        {
            var property = RecordBodies.Property(body.GetType(), field.Name)
                ?? throw new InvalidOperationException($"{body.GetType().Name} has no property for {kind.Name}.{field.Name}");
            ToProto(message, field, property.GetValue(body));
        }

        var result = new V1.RecordBody();
        kind.Accessor.SetValue(result, message);
        return result;
    }

    /// <summary>
    /// A record's own fields for the ledger export, in form order: the catalogue's fields but the day and the
    /// notes (common columns), keyed by field name (the column labels of labels.zh.json), values as people read them.
    /// </summary>
    public static List<KeyValuePair<string, object?>> Row(RecordBody body, LedgerLabels labels)
    {
        var kind = RecordCatalogue.ByBody(body.Family);
        if (kind is null)
        {
            return [];
        }

        return [.. kind.Fields
            .Where(f => f.Rule != RecordFields.Date && f.Rule != RecordFields.Notes)
            .Select(f => KeyValuePair.Create(f.Rule.Name, Readable(RecordBodies.Value(body, f.Rule.Name), labels)))];
    }

    private static object? Readable(object? value, LedgerLabels labels) => value switch
    {
        Enum e => labels.Enums.GetValueOrDefault($"{e.GetType().Name}.{e}", e.ToString()),
        bool b => labels.Of(b),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IEnumerable<string> items => string.Join("；", items),
        _ => value,
    };

    private static object? FromProto(FieldDescriptor field, object value, Type target, string path, Violations violations)
    {
        if (field.IsRepeated)
        {
            return field.FieldType == Google.Protobuf.Reflection.FieldType.String
                ? ((IEnumerable<string>)value).ToList()
                : throw new NotSupportedException($"{path}: only lists of texts map by name");
        }

        return field.FieldType switch
        {
            Google.Protobuf.Reflection.FieldType.Enum => Enum.ToObject(Nullable.GetUnderlyingType(target) ?? target, Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)),
            Google.Protobuf.Reflection.FieldType.Message when field.MessageType.FullName == Google.Type.Date.Descriptor.FullName =>
                target == typeof(DateOnly?) && value is null
                    ? null
                    : ApiDates.ToDate((Google.Type.Date?)value, path, violations, RecordRules.EarliestDate),
            Google.Protobuf.Reflection.FieldType.Message => throw new NotSupportedException($"{path}: only days map by name"),
            _ => value,
        };
    }

    private static void ToProto(IMessage message, FieldDescriptor field, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case DateOnly day:
                field.Accessor.SetValue(message, ApiDates.ToMessage(day));
                return;
            case Enum e:
                field.Accessor.SetValue(message, Enum.ToObject(field.EnumType.ClrType, Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture)));
                return;
            case IEnumerable<string> items when field.IsRepeated:
                var list = (IList)field.Accessor.GetValue(message);
                foreach (var item in items)
                {
                    list.Add(item);
                }

                return;
            default:
                field.Accessor.SetValue(message, value);
                return;
        }
    }
}
