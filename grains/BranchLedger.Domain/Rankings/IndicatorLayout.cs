namespace BranchLedger.Domain.Rankings;

/// <summary>
/// The indicator ids and maximum points of a score vector, held once for every entry of a ranking
/// that shares them (one rubric version gives a handful of layouts: branches and organisations score
/// different indicators). Entries keep only their values (<see cref="PackedIndicators"/>): at 23
/// indicators an id and its maximum per entry cost more than the entry's whole packed vector.
/// </summary>
public sealed class IndicatorLayout
{
    private readonly string[] _ids;
    private readonly double[] _maxPoints;

    private IndicatorLayout(string[] ids, double[] maxPoints)
    {
        _ids = ids;
        _maxPoints = maxPoints;
    }

    /// <summary>Indicators in the order the score listed them.</summary>
    public int Count => _ids.Length;

    /// <summary>The id of slot <paramref name="slot"/>.</summary>
    public string IdAt(int slot) => _ids[slot];

    /// <summary>The maximum points of slot <paramref name="slot"/>.</summary>
    public double MaxPointsAt(int slot) => _maxPoints[slot];

    /// <summary>The slot of <paramref name="indicatorId"/>, or -1 (a vector holds a few dozen at most).</summary>
    public int SlotOf(string indicatorId)
    {
        for (var i = 0; i < _ids.Length; i++)
        {
            if (string.Equals(_ids[i], indicatorId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when this layout lists exactly these ids and maxima in this order.</summary>
    public bool Matches(IReadOnlyList<IndicatorValue> indicators)
    {
        if (indicators.Count != _ids.Length)
        {
            return false;
        }

        for (var i = 0; i < _ids.Length; i++)
        {
            if (!string.Equals(_ids[i], indicators[i].IndicatorId, StringComparison.Ordinal)
                || !_maxPoints[i].Equals(indicators[i].MaxPoints))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A layout for these indicators' ids and maxima.</summary>
    public static IndicatorLayout Of(IReadOnlyList<IndicatorValue> indicators) =>
        new([.. indicators.Select(i => i.IndicatorId)], [.. indicators.Select(i => i.MaxPoints)]);

    /// <summary>The layout with no indicators.</summary>
    public static IndicatorLayout Empty { get; } = new([], []);
}

/// <summary>
/// Hands out one shared <see cref="IndicatorLayout"/> per distinct list of ids and maxima. Owned by one
/// ranking (a shard or a gateway's copy of it), which is single-threaded.
/// </summary>
public sealed class IndicatorLayouts
{
    // Few layouts per ranking: a linear scan beats hashing 23 ids per push. Past the cap (scores whose
    // maxima differ branch by branch) a layout is made per entry: correct, only less compact.
    private const int MaxShared = 32;
    private readonly List<IndicatorLayout> _layouts = [];

    /// <summary>The shared layout matching <paramref name="indicators"/>, made on first sight.</summary>
    public IndicatorLayout For(IReadOnlyList<IndicatorValue> indicators)
    {
        if (indicators.Count == 0)
        {
            return IndicatorLayout.Empty;
        }

        foreach (var layout in _layouts)
        {
            if (layout.Matches(indicators))
            {
                return layout;
            }
        }

        var made = IndicatorLayout.Of(indicators);
        if (_layouts.Count < MaxShared)
        {
            _layouts.Add(made);
        }

        return made;
    }

    /// <summary>Layouts held.</summary>
    public int Count => _layouts.Count;

    /// <summary>Forgets every layout (entries keep theirs).</summary>
    public void Clear() => _layouts.Clear();
}
