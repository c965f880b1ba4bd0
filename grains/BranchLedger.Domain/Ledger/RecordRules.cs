using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Ledger;

/// <summary>Checks shared by every kind of record, and the size limits of the ledger.</summary>
public static class RecordRules
{
    /// <summary>The longest title, topic, name or short text field accepted.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest display name of a person or unit.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest notes, minutes or long text accepted.</summary>
    public const int MaxNotesLength = 20_000;

    /// <summary>More people than this in one record means a typing error.</summary>
    public const int MaxPeople = 100_000;

    /// <summary>At most this many evidence references per record.</summary>
    public const int MaxEvidence = 20;

    /// <summary>At most this many measures in one list (risk measures, remediation measures).</summary>
    public const int MaxListItems = 100;

    /// <summary>No ledger in this platform predates this day.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>
    /// A record's date: not before <see cref="EarliestDate"/>, not after tomorrow (one day of slack
    /// covers callers a time zone ahead of the tenant's calendar).
    /// </summary>
    public static Violations Date(this Violations violations, string field, DateOnly date, DateOnly today)
    {
        if (date < EarliestDate)
        {
            violations.Add(field, $"must not be before {EarliestDate:yyyy-MM-dd}");
        }
        else if (date > today.AddDays(1))
        {
            violations.Add(field, "must not be in the future");
        }

        return violations;
    }

    /// <summary>Notes or minutes, which every kind of record may carry.</summary>
    public static Violations Notes(this Violations violations, string field, string? notes) =>
        violations.Text(field, notes, Catalogue.RecordFields.Notes.MaxLength, Catalogue.RecordFields.Notes.Required);

    /// <summary>A deadline or due date: may lie in the future, but within ten years.</summary>
    public static Violations DueDate(this Violations violations, string field, DateOnly date, DateOnly today)
    {
        if (date < EarliestDate)
        {
            violations.Add(field, $"must not be before {EarliestDate:yyyy-MM-dd}");
        }
        else if (date > today.AddYears(10))
        {
            violations.Add(field, "must be within ten years");
        }

        return violations;
    }

    /// <summary>An enum value that is defined and not the unspecified zero.</summary>
    public static Violations Kind<TEnum>(this Violations violations, string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0 || !Enum.IsDefined(value))
        {
            violations.Add(field, "must be one of the defined values");
        }

        return violations;
    }

    /// <summary>A list of short texts: each present and printable, the list not too long (by default 100 entries of up to 20,000 characters).</summary>
    public static Violations Items(this Violations violations, string field, IReadOnlyList<string> items, bool required, int maxItems = MaxListItems, int maxLength = MaxNotesLength)
    {
        if (items.Count == 0 && required)
        {
            violations.Add(field, "needs at least one entry");
        }
        else if (items.Count > maxItems)
        {
            violations.Add(field, $"must have at most {maxItems} entries");
        }

        for (var i = 0; i < Math.Min(items.Count, maxItems); i++)
        {
            violations.Text($"{field}[{i}]", items[i], maxLength, required: true);
        }

        return violations;
    }
}
