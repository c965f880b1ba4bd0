namespace BranchLedger.Domain.Rankings;

/// <summary>
/// A branch's score as one ranking (a rubric version, a period) holds it. A ranking holds one per
/// branch for every period of two years, so the entry is kept small: its indicator ids and maxima sit
/// in a shared <see cref="IndicatorLayout"/> and its values are packed (<see cref="PackedIndicators"/>).
/// </summary>
public sealed record RankingEntry
{
    private readonly byte[] _packed;

    // UTC ticks: 8 bytes rather than a DateTimeOffset's 16; the offset is not ranked or shown.
    private readonly long _computedAt;

    /// <summary>An entry; with <paramref name="layouts"/> its layout is shared with the ranking's other entries.</summary>
    /// <param name="tenant">The tenant id.</param>
    /// <param name="nodeId">The branch's node id.</param>
    /// <param name="displayName">The branch's name, for search and display.</param>
    /// <param name="parentId">The organisation above it; empty at the root.</param>
    /// <param name="total">0–100; compared at hundredths (see <see cref="Hundredths"/>).</param>
    /// <param name="grade">The rubric's grade for the total.</param>
    /// <param name="indicators">Every indicator's value and points.</param>
    /// <param name="version">Monotonic per branch and period: an older or equal version never replaces a held one.</param>
    /// <param name="computedAt">When the branch computed it.</param>
    /// <param name="layouts">The ranking's shared layouts; null for a layout of its own.</param>
    public RankingEntry(
        string tenant,
        string nodeId,
        string displayName,
        string parentId,
        double total,
        string grade,
        IReadOnlyList<IndicatorValue> indicators,
        long version,
        DateTimeOffset computedAt,
        IndicatorLayouts? layouts = null)
        : this(new BranchCard(tenant, nodeId, displayName, parentId), total, grade, indicators, version, computedAt, layouts)
    {
    }

    /// <summary>An entry for the branch <paramref name="card"/> names (a card shared by the branch's entries in every ranking).</summary>
    public RankingEntry(
        BranchCard card,
        double total,
        string grade,
        IReadOnlyList<IndicatorValue> indicators,
        long version,
        DateTimeOffset computedAt,
        IndicatorLayouts? layouts = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(indicators);
        Card = card;
        Total = total;
        Grade = grade;
        Version = version;
        _computedAt = computedAt.UtcTicks;
        Layout = layouts?.For(indicators) ?? (indicators.Count == 0 ? IndicatorLayout.Empty : IndicatorLayout.Of(indicators));
        _packed = PackedIndicators.Pack(indicators);
    }

    /// <summary>Who the entry ranks: tenant, node id, name and parent.</summary>
    public BranchCard Card { get; private init; }

    /// <summary>The tenant id.</summary>
    public string Tenant
    {
        get => Card.Tenant;
        init => Card = Card with { Tenant = value };
    }

    /// <summary>The branch's node id.</summary>
    public string NodeId
    {
        get => Card.NodeId;
        init => Card = Card with { NodeId = value };
    }

    /// <summary>The branch's name, for search and display.</summary>
    public string DisplayName
    {
        get => Card.DisplayName;
        init => Card = Card with { DisplayName = value };
    }

    /// <summary>The organisation above it; empty at the root.</summary>
    public string ParentId
    {
        get => Card.ParentId;
        init => Card = Card with { ParentId = value };
    }

    /// <summary>0–100; compared at hundredths (see <see cref="Hundredths"/>).</summary>
    public double Total { get; init; }

    /// <summary>The rubric's grade for the total.</summary>
    public string Grade { get; init; }

    /// <summary>Monotonic per branch and period: an older or equal version never replaces a held one.</summary>
    public long Version { get; init; }

    /// <summary>When the branch computed it.</summary>
    public DateTimeOffset ComputedAt
    {
        get => new(_computedAt, TimeSpan.Zero);
        init => _computedAt = value.UtcTicks;
    }

    /// <summary>The ids and maxima of its indicators, shared with entries of the same shape.</summary>
    public IndicatorLayout Layout { get; }

    /// <summary>Bytes its packed indicator values take (for memory accounting).</summary>
    public int PackedSize => _packed.Length;

    /// <summary>Every indicator's value and points, unpacked (a new array each call).</summary>
    public IReadOnlyList<IndicatorValue> Indicators => PackedIndicators.Unpack(Layout, _packed);

    /// <summary>The entry's identity.</summary>
    public RankingKey Key => new(Tenant, NodeId);

    /// <summary>Where the entry stands in the ranking by total.</summary>
    public RankPosition TotalPosition => new(Hundredths.Of(Total), Tenant, NodeId);

    /// <summary>The indicator with that id, if the entry has it.</summary>
    public IndicatorValue? Indicator(string indicatorId)
    {
        var slot = Layout.SlotOf(indicatorId);
        return slot < 0 ? null : PackedIndicators.At(Layout, _packed, slot);
    }

    /// <summary>
    /// Where the entry stands in the ranking by one indicator's points, or null when it takes no part
    /// in it (it lacks the indicator, or the indicator is not assessable for it).
    /// </summary>
    public RankPosition? IndicatorPosition(string indicatorId) =>
        Indicator(indicatorId) is { Assessable: true } indicator
            ? new RankPosition(Hundredths.Of(indicator.Points), Tenant, NodeId)
            : null;

    /// <summary>Equal when every field and every indicator value is equal (the packed bytes say so).</summary>
    public bool Equals(RankingEntry? other) =>
        other is not null
        && Tenant == other.Tenant && NodeId == other.NodeId && DisplayName == other.DisplayName && ParentId == other.ParentId
        && Total.Equals(other.Total) && Grade == other.Grade && Version == other.Version && ComputedAt.Equals(other.ComputedAt)
        && Indicators.SequenceEqual(other.Indicators);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Tenant, NodeId, Total, Version);

    /// <summary>True when the name search matches: the display name or the node id contains the text, ignoring case.</summary>
    public bool NameContains(string text) =>
        DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase)
        || NodeId.Contains(text, StringComparison.OrdinalIgnoreCase);
}
