namespace BranchLedger.Domain.Validation;

/// <summary>Collects field violations; the checks shared by every kind of request live here.</summary>
public sealed class Violations
{
    private readonly List<FieldViolation> _items = [];

    /// <summary>The violations found so far.</summary>
    public IReadOnlyList<FieldViolation> Items => _items;

    /// <summary>True when nothing was found.</summary>
    public bool IsEmpty => _items.Count == 0;

    /// <summary>Records a violation.</summary>
    public Violations Add(string field, string description)
    {
        _items.Add(new FieldViolation(field, description));
        return this;
    }

    /// <summary>Records another check's violations under a prefix (e.g. <c>nodes[3].</c>), except the fields <paramref name="skip"/> names.</summary>
    public Violations AddNested(string prefix, Violations inner, params string[] skip)
    {
        foreach (var v in inner.Items.Where(v => !skip.Contains(v.Field)))
        {
            Add(prefix + v.Field, v.Description);
        }

        return this;
    }

    /// <summary>
    /// Checks free text: PostgreSQL text cannot hold NUL, and other control characters (but line
    /// breaks and tabs) are never meant in minutes or topics, so both are refused rather than stored.
    /// </summary>
    public Violations Text(string field, string? value, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "is required");
            }

            return this;
        }

        if (value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters (got {value.Length})");
        }

        if (!TextRules.IsStorable(value))
        {
            Add(field, "must not contain control characters or invalid Unicode");
        }

        return this;
    }

    /// <summary>Checks a count that cannot be negative and has a sane ceiling.</summary>
    public Violations Count(string field, int value, int max)
    {
        if (value < 0)
        {
            Add(field, "must not be negative");
        }
        else if (value > max)
        {
            Add(field, $"must be at most {max}");
        }

        return this;
    }

    /// <summary>Checks a client request id, the key that makes a retried write count once.</summary>
    public Violations RequestId(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Add(field, "is required: every write carries a client request id");
        }

        if (!Identifiers.IsRequestId(value))
        {
            Add(field, "must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'");
        }

        return this;
    }

    /// <summary>Checks the id of a tenant, organisation or branch.</summary>
    public Violations Slug(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Add(field, "is required");
        }

        if (!Identifiers.IsSlug(value))
        {
            Add(field, "must be 2 to 63 characters of a-z, 0-9 and '-', starting with a letter");
        }

        return this;
    }
}
