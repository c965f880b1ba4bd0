using BranchLedger.Domain.Directory;

namespace BranchLedger.Domain.Ledger.Catalogue;

/// <summary>
/// One record kind described in one file (Ledger/Catalogue/Kinds/): its choices, field names and limits,
/// Chinese labels (kind, fields, choices), the node levels that may hold it, its report figures with their
/// default wording and its default report sentence. <see cref="RecordCatalogue"/> finds every concrete
/// subclass of this assembly by reflection, so adding a kind edits no list: the entry, the proto message
/// (and its oneof lines), the contract body with its rules (Contracts, as Orleans serialises it) and a test.
/// Mapping, exports, imports, the ledger's report facts and the web forms already follow the catalogue by name.
/// </summary>
/// <remarks>
/// Compliance and scores count only what their rules can name (meetings by kind, secretary lectures, quarterly
/// reviews, talk pairs; brands and honours): a kind described here feeds the report by its figures and neither
/// compliance nor scores.
/// </remarks>
public abstract class RecordKindEntry
{
    /// <summary>Every level of the organisation tree: what an entry allows unless it says otherwise.</summary>
    public static readonly IReadOnlyList<NodeKind> AllLevels = [NodeKind.Organisation, NodeKind.GeneralBranch, NodeKind.Branch, NodeKind.SmallGroup];

    /// <summary>Below a branch: a small group holds its meetings and activities, not a unit's documents, inspections or brands.</summary>
    public static readonly IReadOnlyList<NodeKind> BranchAndAbove = [NodeKind.Organisation, NodeKind.GeneralBranch, NodeKind.Branch];

    /// <summary>The body's leadership only (党组 or 机关党委): its own meetings, its quarterly review of party building.</summary>
    public static readonly IReadOnlyList<NodeKind> OrganisationOnly = [NodeKind.Organisation];

    /// <summary>
    /// The branches (党总支, 党支部): a branch's general meeting and committee. A general branch is bound by the
    /// same branch rules (compliance), so it holds them too; a small group and the leadership do not.
    /// </summary>
    public static readonly IReadOnlyList<NodeKind> Branches = [NodeKind.GeneralBranch, NodeKind.Branch];

    /// <summary>
    /// Below the leadership: 党小组会 are held in small groups, and a branch (or general branch) counts them in its
    /// own ledger against its monthly rule, so both hold them; the leadership does not.
    /// </summary>
    public static readonly IReadOnlyList<NodeKind> BelowOrganisation = [NodeKind.GeneralBranch, NodeKind.Branch, NodeKind.SmallGroup];

    /// <summary>
    /// Where the form picker lists it: the built-in kinds sit at 10, 20, … 150 (see <see cref="RecordCatalogue"/>);
    /// pick a free number between the neighbours it belongs with.
    /// </summary>
    public abstract int Order { get; }

    /// <summary>Stable kind id, e.g. <c>activity</c>.</summary>
    public abstract string Id { get; }

    /// <summary>The body's field name in the API (RecordBody's oneof), also its family: <c>activity</c>.</summary>
    public abstract string BodyField { get; }

    /// <summary>Its Chinese name: the form's title, the export's sheet, the report trace's 类别.</summary>
    public abstract string Label { get; }

    /// <summary>One Chinese sentence on when to use it.</summary>
    public abstract string Help { get; }

    /// <summary>Its fields in form order, each with its label (and a choice field with its choices' labels).</summary>
    public abstract IReadOnlyList<EntryField> Fields { get; }

    /// <summary>
    /// The node levels whose ledgers may hold it (every level unless narrowed). Declared here and on the form;
    /// the ledger aggregate refuses a record of it at any other level (<see cref="KindLevels.Refusal"/>), and
    /// ListRecordKinds sends it so a client offers the kind only where it may be recorded.
    /// </summary>
    public virtual IReadOnlyList<NodeKind> NodeLevels => AllLevels;

    /// <summary>The annual-report figures its records feed, each with its default wording; empty when it is not reported.</summary>
    public virtual IReadOnlyList<ReportCount> Report => [];

    /// <summary>The sentence the default report template states its figures in, and where; null when it has none.</summary>
    public virtual ReportSentence? Sentence => null;

    /// <summary>The record date every body has, defaulting to today.</summary>
    protected static EntryField DateField(string help) =>
        new(RecordFields.Date, RecordLabels.Shared.Columns["date"], help, FormField.Today);

    /// <summary>The notes every body has.</summary>
    protected static EntryField NotesField(string help) => new(RecordFields.Notes, RecordLabels.Shared.Columns["notes"], help);

    /// <summary>A field that is not a choice.</summary>
    protected static EntryField Field(FieldRule rule, string label, string help, (FieldRule Field, Enum[] Values)? when = null) =>
        new(rule, label, help, When: when);

    /// <summary>A choice field with every value of <typeparamref name="T"/> but 0 labelled (a value left out fails at start-up).</summary>
    protected static EntryField Choice<T>(FieldRule rule, string label, string help, IReadOnlyDictionary<T, string> choices)
        where T : struct, Enum
    {
        var missing = Enum.GetValues<T>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0 && !choices.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{typeof(T).Name}: no label for {string.Join(", ", missing)}");
        }

        return new(rule, label, help, Choices: [.. choices.OrderBy(c => c.Key).Select(c => new EntryChoice(c.Key, c.Value))]);
    }

    /// <summary>A field shown only while <paramref name="field"/> holds one of <paramref name="values"/>.</summary>
    protected static (FieldRule, Enum[]) When<T>(FieldRule field, params T[] values) where T : struct, Enum =>
        (field, [.. values.Cast<Enum>()]);

    /// <summary>A figure counting every record (or those whose choice field holds one of some values), or adding a number field.</summary>
    /// <remarks><paramref name="names"/>: how each counted record is named at <c>{names}</c> (its fields as {placeholders}); see <see cref="ReportCount.Names"/>.</remarks>
    protected static ReportCount Count(string key, string unit, FigureWording wording, FieldRule? sum = null, (FieldRule Field, Enum[] Values)? where = null,
        string? names = null) =>
        new(key, unit, sum?.Name, where?.Field.Name, where?.Values.Select(v => RecordCatalogue.ProtoName(v)).ToArray()) { Wording = wording, Names = names };

    /// <summary>One line of text (a title, a topic), required unless said otherwise.</summary>
    protected static FieldRule Title(string name, bool required = true) => new(name, FieldType.Text, required, RecordRules.MaxTitleLength);

    /// <summary>A person's or unit's name.</summary>
    protected static FieldRule Name(string name, bool required = false) => new(name, FieldType.Text, required, RecordRules.MaxNameLength);

    /// <summary>A number of people (0 when not counted).</summary>
    protected static FieldRule People(string name) => new(name, FieldType.WholeNumber, Min: 0, Max: RecordRules.MaxPeople);

    /// <summary>A required choice.</summary>
    protected static FieldRule ChoiceRule(string name) => new(name, FieldType.Choice, Required: true);
}

/// <summary>One choice of an entry's choice field and its Chinese label.</summary>
public sealed record EntryChoice(Enum Value, string Label);

/// <summary>One field of an entry: its rule, label and help, its choices, when it applies.</summary>
/// <param name="Rule">Name, type and limits, shared with the kind's rules.</param>
/// <param name="Label">What forms, exports and the trace call it for this kind.</param>
/// <param name="Help">One line of help.</param>
/// <param name="Default">What the form fills in, if anything.</param>
/// <param name="Choices">For a choice field, its values with their labels.</param>
/// <param name="When">The choice field and values under which it applies; null when always.</param>
public sealed record EntryField(
    FieldRule Rule, string Label, string Help, string? Default = null, IReadOnlyList<EntryChoice>? Choices = null,
    (FieldRule Field, Enum[] Values)? When = null);

/// <summary>How a figure is worded by default (a report template may reword it).</summary>
/// <param name="Label">Its name in the appendix and the trace.</param>
/// <param name="Some">The phrase when records counted; {n} is the figure, {names} the counted records' names (see <see cref="ReportCount.Names"/>).</param>
/// <param name="None">The phrase when none did; it never contains a number.</param>
public sealed record FigureWording(string Label, string Some, string None);

/// <summary>
/// A kind's default sentence in the annual report: <paramref name="Text"/> (figure keys as {placeholders}) is
/// appended where the default template has the slot <c>{sentences.<paramref name="Slot"/>}</c>, after the
/// sentences of kinds listed before it. A template may reword it per kind.
/// </summary>
public sealed record ReportSentence(string Slot, string Text);
