namespace BranchLedger.Domain.Ledger.Catalogue;

/// <summary>How a form shows a field and what kind of value it holds.</summary>
public enum FieldType
{
    /// <summary>One line of text.</summary>
    Text = 1,
    /// <summary>Several lines: notes, minutes, descriptions.</summary>
    LongText = 2,
    /// <summary>A calendar day.</summary>
    Date = 3,
    /// <summary>A whole number.</summary>
    WholeNumber = 4,
    /// <summary>是 / 否.</summary>
    YesNo = 5,
    /// <summary>One of a fixed list of values.</summary>
    Choice = 6,
    /// <summary>A list of short texts (measures, …).</summary>
    TextList = 7,
    /// <summary>An id the branch chooses: 2 to 63 of a-z, 0-9 and '-', starting with a letter.</summary>
    Identifier = 8,
    /// <summary>
    /// Filled by ticking attendance against the roster in force, not typed: the names of those present
    /// (texts) or the absences ({reason, name, note} entries).
    /// </summary>
    Attendance = 9,
}

/// <summary>
/// What the ledger accepts in one field of a record body: its proto field name and the limits the
/// domain's rules check. The rules and the record catalogue read the same instance, so a form never
/// promises a limit the API does not apply.
/// </summary>
/// <param name="Name">The proto field name within the body, e.g. <c>topic</c>; also the label key of labels.zh.json.</param>
/// <param name="Type">The kind of value.</param>
/// <param name="Required">Whether a value must be given (when the field applies at all).</param>
/// <param name="MaxLength">The longest text (per entry for lists); 0 for none.</param>
/// <param name="Min">The smallest number accepted, if bounded.</param>
/// <param name="Max">The largest number accepted, if bounded by a constant.</param>
/// <param name="MaxItems">The most entries of a list; 0 for none.</param>
public sealed record FieldRule(
    string Name, FieldType Type, bool Required = false, int MaxLength = 0, int? Min = null, int? Max = null, int MaxItems = 0);
