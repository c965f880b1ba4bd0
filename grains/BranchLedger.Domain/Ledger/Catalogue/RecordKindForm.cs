namespace BranchLedger.Domain.Ledger.Catalogue;

/// <summary>One choice of a choice field: the API's enum value name and its Chinese label.</summary>
public sealed record FormChoice(string Value, string Label)
{
    /// <summary>
    /// The node levels whose ledgers may hold a record with this choice: narrower than its kind's for a sub-kind
    /// that belongs to one level (a 党组会 is a meeting only the leadership holds); every level otherwise.
    /// </summary>
    public IReadOnlyList<Directory.NodeKind> NodeLevels { get; init; } = RecordKindEntry.AllLevels;
}

/// <summary>A field applies only while another field of the same form holds one of some values.</summary>
/// <param name="Field">The controlling field's JSON path, e.g. <c>meeting.kind</c>.</param>
/// <param name="Values">The values (enum value names) under which the field applies.</param>
public sealed record FormCondition(string Field, IReadOnlyList<string> Values);

/// <summary>One field of a record form.</summary>
/// <param name="Rule">Name, type and limits, shared with the domain's rules.</param>
/// <param name="JsonPath">Where the value goes in the request, in proto-JSON names: <c>meeting.expectedAttendees</c>.</param>
/// <param name="ViolationPath">The path the API's field violations name it by: <c>meeting.expected_attendees</c>.</param>
/// <param name="Label">What the form calls it.</param>
/// <param name="Help">One line of help under it.</param>
/// <param name="Default">What the form fills in: "today" for a date field, or a literal value; null for nothing.</param>
/// <param name="Choices">For a choice field, every value but the unspecified one.</param>
/// <param name="ShownWhen">When the field applies; null when always. A required field is required only while it applies.</param>
public sealed record FormField(
    FieldRule Rule, string JsonPath, string ViolationPath, string Label, string Help, string? Default,
    IReadOnlyList<FormChoice> Choices, FormCondition? ShownWhen)
{
    /// <summary>The default of a date field that means "the tenant's today".</summary>
    public const string Today = "today";
}

/// <summary>A recurring record filled in with a few fixed values, so it is recorded in seconds.</summary>
/// <param name="Id">Stable id, e.g. <c>branch-committee-meeting</c>.</param>
/// <param name="Label">What the button says, e.g. 支委会.</param>
/// <param name="Values">Per field JSON path, the fixed value (enum value name, text, number, true/false).</param>
public sealed record RecordPreset(string Id, string Label, IReadOnlyDictionary<string, string> Values);

/// <summary>
/// Everything a client needs to show, fill and send one kind of record (or one workflow step on an
/// existing record) without knowing it in advance.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>meeting</c>, <c>duty-status</c>.</param>
/// <param name="Label">Its Chinese name.</param>
/// <param name="Help">One sentence on when to use it.</param>
/// <param name="Rpc">The LedgerService method, e.g. <c>RecordMeeting</c>.</param>
/// <param name="HttpPath">The JSON route (POST), with <c>{node_id}</c> to fill in.</param>
/// <param name="BodyField">The request field that holds the body, as the API names it (<c>duty_progress</c>); its JSON name is the camelCase form.</param>
/// <param name="AcceptsEvidence">Whether the request takes evidence references.</param>
/// <param name="TargetField">For a step on an existing record, the field naming it (JSON path); null otherwise.</param>
/// <param name="Fields">The body's fields in form order.</param>
/// <param name="Presets">Recurring records of this kind.</param>
public sealed record RecordKindForm(
    string Id, string Label, string Help, string Rpc, string HttpPath, string BodyField, bool AcceptsEvidence,
    string? TargetField, IReadOnlyList<FormField> Fields, IReadOnlyList<RecordPreset> Presets)
{
    /// <summary>The HTTP method of every record write.</summary>
    public const string HttpMethod = "POST";

    /// <summary>True for a step on an existing record (a duty item's status, a finding's progress, …).</summary>
    public bool IsStep => TargetField is not null;

    /// <summary>The annual-report figures its records feed by their fields alone (kinds added through the catalogue); empty for kinds the report counts in code.</summary>
    public IReadOnlyList<ReportCount> Report { get; init; } = [];

    /// <summary>The default report sentence of a kind with a catalogue entry; null for the built-in kinds (worded by the template).</summary>
    public ReportSentence? Sentence { get; init; }

    /// <summary>The node levels whose ledgers may hold it; a choice may narrow them further (<see cref="FormChoice.NodeLevels"/>).</summary>
    public IReadOnlyList<Directory.NodeKind> NodeLevels { get; init; } = RecordKindEntry.AllLevels;

    /// <summary>The choice whose value is <paramref name="value"/> (an enum value name) in any of its choice fields, or null.</summary>
    public FormChoice? Choice(string value) => Fields.SelectMany(f => f.Choices).FirstOrDefault(c => c.Value == value);

    /// <summary>The LedgerService method that records any kind: the write path of kinds added through the catalogue.</summary>
    public const string GenericRpc = "AppendRecord";

    /// <summary>The field at a JSON path, or null.</summary>
    public FormField? Field(string jsonPath) => Fields.FirstOrDefault(f => f.JsonPath == jsonPath);
}
