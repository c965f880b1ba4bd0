namespace BranchLedger.Domain.Obligations;

/// <summary>Two people as an unordered pair: A–B and B–A are the same pair (keys trimmed, ordinal order).</summary>
public sealed record TalkPair
{
    private TalkPair(string first, string second)
    {
        First = first;
        Second = second;
    }

    /// <summary>The key that sorts first.</summary>
    public string First { get; }

    /// <summary>The key that sorts second.</summary>
    public string Second { get; }

    /// <summary>The pair of <paramref name="a"/> and <paramref name="b"/>, in either order.</summary>
    public static TalkPair Of(string a, string b)
    {
        a = a.Trim();
        b = b.Trim();
        return string.CompareOrdinal(a, b) <= 0 ? new TalkPair(a, b) : new TalkPair(b, a);
    }

    /// <summary>"A–B".</summary>
    public override string ToString() => First + "–" + Second;
}
