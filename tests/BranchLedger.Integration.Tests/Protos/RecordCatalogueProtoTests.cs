using BranchLedger.Api.V1;
using BranchLedger.Domain.Ledger.Catalogue;
using Google.Api;
using Google.Protobuf.Reflection;
using DomainFieldType = BranchLedger.Domain.Ledger.Catalogue.FieldType;
using RecordKindForm = BranchLedger.Domain.Ledger.Catalogue.RecordKindForm;

namespace BranchLedger.Integration.Tests.Protos;

/// <summary>
/// The domain's record catalogue against the generated proto descriptors: one entry per LedgerService
/// RPC that records a body, with its route and body field; every field path exists in the request by
/// its JSON and by its proto name with a matching type; every choice list is the proto enum minus
/// _UNSPECIFIED; and every field of a body message is in the catalogue, so a field added to the proto
/// fails here until the catalogue (the one place forms come from) describes it.
/// </summary>
public sealed class RecordCatalogueProtoTests
{
    private static readonly ServiceDescriptor Ledger = LedgerReflection.Descriptor.FindTypeByName<ServiceDescriptor>("LedgerService");

    // The record bodies: the message types of RecordBody's oneof.
    private static readonly HashSet<string> BodyTypes =
        V1RecordBodyFields().Select(f => f.MessageType.FullName).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<FieldDescriptor> V1RecordBodyFields() => Api.V1.RecordBody.Descriptor.Fields.InDeclarationOrder();

    private static readonly MethodDescriptor Generic = Ledger.FindMethodByName(RecordKindForm.GenericRpc);

    // A kind's own RPC records it when its request holds one record body in a field of its own; the generic
    // AppendRecord holds every body in its oneof, and a kind's field there is named as in RecordBody.
    private static FieldDescriptor? BodyField(MethodDescriptor method) =>
        method == Generic
            ? null
            : method.InputType.Fields.InDeclarationOrder().SingleOrDefault(f =>
                !f.IsRepeated && f.FieldType == Google.Protobuf.Reflection.FieldType.Message && BodyTypes.Contains(f.MessageType.FullName));

    private static FieldDescriptor BodyField(RecordKindForm kind) =>
        kind.Rpc == RecordKindForm.GenericRpc ? Generic.InputType.FindFieldByName(kind.BodyField) : BodyField(Ledger.FindMethodByName(kind.Rpc)!)!;

    [Fact]
    public void Every_recording_RPC_has_exactly_one_catalogue_entry_and_every_entry_an_RPC()
    {
        var recording = Ledger.Methods.Where(m => BodyField(m) is not null).Select(m => m.Name).Order(StringComparer.Ordinal).ToList();

        // The 15 kinds' own RPCs; kinds added since are written through AppendRecord only.
        Assert.Equal(15, recording.Count);
        Assert.Equal(recording, RecordCatalogue.Kinds.Where(k => k.Rpc != RecordKindForm.GenericRpc).Select(k => k.Rpc).Order(StringComparer.Ordinal));
        Assert.Equal(RecordCatalogue.Kinds.Count, BodyTypes.Count);
        Assert.Equal(BodyTypes.Order(StringComparer.Ordinal), RecordCatalogue.Kinds.Select(k => BodyField(k).MessageType.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AppendRecord_and_LedgerRecord_hold_every_kind_of_RecordBody_by_the_same_name_and_type()
    {
        static IEnumerable<string> Oneof(MessageDescriptor message) =>
            message.Oneofs.Single(o => o.Name == "body").Fields.Where(f => BodyTypes.Contains(f.MessageType.FullName))
                .Select(f => $"{f.Name}:{f.MessageType.FullName}").Order(StringComparer.Ordinal);

        var bodies = Oneof(Api.V1.RecordBody.Descriptor).ToList();
        Assert.Equal(bodies, Oneof(Generic.InputType));
        Assert.Equal(bodies, Oneof(Api.V1.LedgerRecord.Descriptor));
        Assert.Equal(bodies.Count, Generic.InputType.Oneofs.Single().Fields.Count);
    }

    [Fact]
    public void Every_entry_names_its_RPCs_route_and_body_field_as_the_proto_does()
    {
        foreach (var kind in RecordCatalogue.Kinds)
        {
            var method = Ledger.FindMethodByName(kind.Rpc);
            Assert.NotNull(method);
            var http = method.GetOptions().GetExtension(AnnotationsExtensions.Http);
            Assert.Equal(HttpRule.PatternOneofCase.Post, http.PatternCase);
            Assert.Equal(http.Post, kind.HttpPath);
            Assert.Equal("*", http.Body);
            Assert.Equal(BodyField(kind).Name, kind.BodyField);
            Assert.Equal(kind.AcceptsEvidence, method.InputType.FindFieldByName("evidence") is { IsRepeated: true });
            Assert.NotNull(method.InputType.FindFieldByName("request_id"));
        }
    }

    [Fact]
    public void Every_field_path_exists_in_the_request_by_JSON_and_proto_name_with_a_matching_type()
    {
        foreach (var kind in RecordCatalogue.Kinds)
        {
            var input = Ledger.FindMethodByName(kind.Rpc)!.InputType;
            foreach (var field in kind.Fields)
            {
                var byJson = Walk(input, field.JsonPath, (m, part) => m.Fields.InDeclarationOrder().SingleOrDefault(f => f.JsonName == part));
                var byName = Walk(input, field.ViolationPath, (m, part) => m.FindFieldByName(part));
                Assert.True(byJson is not null, $"{kind.Id}: {field.JsonPath} is not a JSON path of {input.Name}");
                Assert.Same(byJson, byName);
                Assert.True(TypeMatches(field.Rule.Type, byJson), $"{kind.Id}: {field.JsonPath} is {byJson.FieldType}, not {field.Rule.Type}");
            }

            if (kind.TargetField is { } target)
            {
                Assert.NotNull(kind.Field(target));
            }
        }
    }

    [Fact]
    public void Every_choice_list_is_the_proto_enum_without_its_unspecified_value_each_with_a_Chinese_label()
    {
        foreach (var kind in RecordCatalogue.Kinds)
        {
            var input = Ledger.FindMethodByName(kind.Rpc)!.InputType;
            foreach (var field in kind.Fields.Where(f => f.Rule.Type == DomainFieldType.Choice))
            {
                var proto = Walk(input, field.ViolationPath, (m, part) => m.FindFieldByName(part))!;
                var values = proto.EnumType.Values.Where(v => v.Number != 0).Select(v => v.Name);
                Assert.Equal(values, field.Choices.Select(c => c.Value));
                Assert.All(field.Choices, c => Assert.Matches(@"^[^A-Za-z]+$", c.Label));
            }

            foreach (var condition in kind.Fields.Select(f => f.ShownWhen).OfType<Domain.Ledger.Catalogue.FormCondition>())
            {
                var controlling = Walk(input, condition.Field, (m, part) => m.Fields.InDeclarationOrder().SingleOrDefault(f => f.JsonName == part))!;
                Assert.All(condition.Values, v => Assert.NotNull(controlling.EnumType.FindValueByName(v)));
            }
        }
    }

    [Fact]
    public void Every_field_of_every_record_body_is_in_the_catalogue()
    {
        foreach (var kind in RecordCatalogue.Kinds)
        {
            var body = BodyField(kind).MessageType;
            Assert.Equal(
                body.Fields.InDeclarationOrder().Select(f => f.Name).Order(StringComparer.Ordinal),
                kind.Fields.Select(f => f.Rule.Name).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Node_levels_are_sent_as_the_directorys_NodeKind_whose_numbers_are_the_domains()
    {
        foreach (var message in new[] { Api.V1.RecordKindForm.Descriptor, Api.V1.FormChoice.Descriptor })
        {
            var levels = message.FindFieldByName("node_levels");
            Assert.True(levels is { IsRepeated: true, FieldType: Google.Protobuf.Reflection.FieldType.Enum }, $"{message.Name}.node_levels");
            Assert.Equal("branchledger.v1.NodeKind", levels.EnumType.FullName);
        }

        // The mapping casts a domain level to the API's by number: the two enums must agree value by value.
        Assert.Equal(
            Enum.GetValues<Domain.Directory.NodeKind>().Select(k => ((int)k, k.ToString())),
            Enum.GetValues<Api.V1.NodeKind>().Select(k => ((int)k, k.ToString())));
    }

    [Fact]
    public void ListRecordKinds_is_a_GET_of_record_kinds_with_no_node()
    {
        var http = Ledger.FindMethodByName("ListRecordKinds")!.GetOptions().GetExtension(AnnotationsExtensions.Http);
        Assert.Equal("/v1/record-kinds", http.Get);
        Assert.Empty(ListRecordKindsRequest.Descriptor.Fields.InDeclarationOrder());
    }

    private static FieldDescriptor? Walk(MessageDescriptor message, string path, Func<MessageDescriptor, string, FieldDescriptor?> find)
    {
        FieldDescriptor? field = null;
        foreach (var part in path.Split('.'))
        {
            if (field is not null)
            {
                if (field.FieldType != Google.Protobuf.Reflection.FieldType.Message)
                {
                    return null;
                }

                message = field.MessageType;
            }

            field = find(message, part);
            if (field is null)
            {
                return null;
            }
        }

        return field;
    }

    private static bool TypeMatches(DomainFieldType type, FieldDescriptor field) => type switch
    {
        DomainFieldType.Text or DomainFieldType.LongText or DomainFieldType.Identifier => !field.IsRepeated && field.FieldType == Google.Protobuf.Reflection.FieldType.String,
        DomainFieldType.TextList => field.IsRepeated && field.FieldType == Google.Protobuf.Reflection.FieldType.String,
        DomainFieldType.Attendance => field.IsRepeated && field.FieldType is Google.Protobuf.Reflection.FieldType.String or Google.Protobuf.Reflection.FieldType.Message,
        DomainFieldType.Date => field.FieldType == Google.Protobuf.Reflection.FieldType.Message && field.MessageType.FullName == "google.type.Date",
        DomainFieldType.WholeNumber => field.FieldType == Google.Protobuf.Reflection.FieldType.Int32,
        DomainFieldType.YesNo => field.FieldType == Google.Protobuf.Reflection.FieldType.Bool,
        DomainFieldType.Choice => field.FieldType == Google.Protobuf.Reflection.FieldType.Enum,
        _ => false,
    };
}
