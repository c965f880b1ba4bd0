namespace BranchLedger.Domain.Validation;

/// <summary>What free text the ledger accepts.</summary>
public static class TextRules
{
    /// <summary>
    /// True when the text is well-formed UTF-16 (no lone surrogates) with no control characters other
    /// than tab, CR and LF. PostgreSQL text cannot hold NUL, and a lone surrogate cannot be encoded
    /// as UTF-8, so both are refused at the door rather than failing in storage.
    /// </summary>
    public static bool IsStorable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
            {
                return false;
            }
        }

        return true;
    }
}
