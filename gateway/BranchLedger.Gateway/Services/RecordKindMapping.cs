using BranchLedger.Api.V1;
using BranchLedger.Domain.Ledger.Catalogue;
using DomainFieldType = BranchLedger.Domain.Ledger.Catalogue.FieldType;
using DomainFormField = BranchLedger.Domain.Ledger.Catalogue.FormField;
using DomainRecordKindForm = BranchLedger.Domain.Ledger.Catalogue.RecordKindForm;

namespace BranchLedger.Gateway.Services;

/// <summary>The domain's record catalogue as the API's ListRecordKinds answer. Built once: the catalogue never changes while running.</summary>
internal static class RecordKindMapping
{
    public static ListRecordKindsResponse Response { get; } = Build();

    private static ListRecordKindsResponse Build()
    {
        var response = new ListRecordKindsResponse();
        response.RecordKinds.AddRange(RecordCatalogue.Kinds.Select(ToMessage));
        return response;
    }

    private static Api.V1.RecordKindForm ToMessage(DomainRecordKindForm kind)
    {
        var message = new Api.V1.RecordKindForm
        {
            KindId = kind.Id,
            Label = kind.Label,
            Help = kind.Help,
            Rpc = kind.Rpc,
            HttpMethod = DomainRecordKindForm.HttpMethod,
            HttpPath = kind.HttpPath,
            BodyField = RecordCatalogue.JsonName(kind.BodyField),
            AcceptsEvidence = kind.AcceptsEvidence,
            Step = kind.IsStep,
            TargetField = kind.TargetField ?? "",
        };
        message.NodeLevels.AddRange(ToMessage(kind.NodeLevels));
        message.Fields.AddRange(kind.Fields.Select(ToMessage));
        message.Presets.AddRange(kind.Presets.Select(p =>
        {
            var preset = new Api.V1.RecordPreset { PresetId = p.Id, Label = p.Label };
            preset.Values.AddRange(p.Values.Select(v => new PresetValue { Field = v.Key, Value = v.Value }));
            return preset;
        }));
        return message;
    }

    private static Api.V1.FormField ToMessage(DomainFormField field)
    {
        var message = new Api.V1.FormField
        {
            JsonPath = field.JsonPath,
            ViolationPath = field.ViolationPath,
            Label = field.Label,
            Help = field.Help,
            Type = ToMessage(field.Rule.Type),
            Required = field.Rule.Required,
            MaxLength = field.Rule.MaxLength,
            MaxItems = field.Rule.MaxItems,
            DefaultValue = field.Default ?? "",
            ShownWhen = field.ShownWhen is { } when ? new Api.V1.FormCondition { Field = when.Field, Values = { when.Values } } : null,
        };
        if (field.Rule.Min is { } min)
        {
            message.Min = min;
        }

        if (field.Rule.Max is { } max)
        {
            message.Max = max;
        }

        message.Choices.AddRange(field.Choices.Select(c => new Api.V1.FormChoice { Value = c.Value, Label = c.Label, NodeLevels = { ToMessage(c.NodeLevels) } }));
        return message;
    }

    // The domain's node levels share the API's numbers (as DirectoryMapping maps a node's kind).
    private static IEnumerable<Api.V1.NodeKind> ToMessage(IReadOnlyList<BranchLedger.Domain.Directory.NodeKind> levels) =>
        levels.Select(l => (Api.V1.NodeKind)(int)l);

    private static Api.V1.FormFieldType ToMessage(DomainFieldType type) => type switch
    {
        DomainFieldType.Text => Api.V1.FormFieldType.Text,
        DomainFieldType.LongText => Api.V1.FormFieldType.LongText,
        DomainFieldType.Date => Api.V1.FormFieldType.Date,
        DomainFieldType.WholeNumber => Api.V1.FormFieldType.WholeNumber,
        DomainFieldType.YesNo => Api.V1.FormFieldType.YesNo,
        DomainFieldType.Choice => Api.V1.FormFieldType.Choice,
        DomainFieldType.TextList => Api.V1.FormFieldType.TextList,
        DomainFieldType.Identifier => Api.V1.FormFieldType.Identifier,
        DomainFieldType.Attendance => Api.V1.FormFieldType.Attendance,
        _ => Api.V1.FormFieldType.Unspecified,
    };
}
