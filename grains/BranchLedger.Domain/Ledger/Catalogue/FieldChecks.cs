using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Ledger.Catalogue;

/// <summary>
/// The shared checks, driven by a <see cref="FieldRule"/>: the field's path and limits come from the
/// same instance the record catalogue publishes, so a form's limits and the API's never drift apart.
/// </summary>
public static class FieldChecks
{
    /// <summary>
    /// Checks a text field (text, long text or identifier) under <paramref name="prefix"/>, e.g. <c>meeting.</c>;
    /// <paramref name="required"/> overrides the rule's own "required" when it depends on another field.
    /// </summary>
    public static Violations Text(this Violations violations, string prefix, FieldRule rule, string? value, bool? required = null) =>
        rule.Type == FieldType.Identifier
            ? violations.Slug(prefix + rule.Name, value)
            : violations.Text(prefix + rule.Name, value, rule.MaxLength, required ?? rule.Required);

    /// <summary>Checks a whole number against the rule's bounds (a count: never negative).</summary>
    public static Violations Count(this Violations violations, string prefix, FieldRule rule, int value) =>
        violations.Count(prefix + rule.Name, value, rule.Max ?? int.MaxValue);

    /// <summary>Checks a choice field: one of the defined values.</summary>
    public static Violations Choice<TEnum>(this Violations violations, string prefix, FieldRule rule, TEnum value)
        where TEnum : struct, Enum => violations.Kind(prefix + rule.Name, value);

    /// <summary>Checks a list of texts against the rule's limits (its entries and each entry's length).</summary>
    public static Violations Items(this Violations violations, string prefix, FieldRule rule, IReadOnlyList<string> items) =>
        violations.Items(prefix + rule.Name, items, rule.Required,
            rule.MaxItems > 0 ? rule.MaxItems : RecordRules.MaxListItems, rule.MaxLength > 0 ? rule.MaxLength : RecordRules.MaxNotesLength);
}
