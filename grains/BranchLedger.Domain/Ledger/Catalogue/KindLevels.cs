using BranchLedger.Domain.Directory;

namespace BranchLedger.Domain.Ledger.Catalogue;

/// <summary>
/// Which ledgers may hold a kind: the levels its catalogue entry declares (<see cref="RecordKindEntry.NodeLevels"/>),
/// judged once, by the ledger aggregate, with the node's own level.
/// </summary>
public static class KindLevels
{
    // By body family (the API's oneof field): a write looks its kind up once. Lazy, because the catalogue's
    // own initialiser reads the entries' levels: built eagerly, this would read a catalogue not yet built.
    private static readonly Lazy<IReadOnlyDictionary<string, RecordKindForm>> ByBody = new(() =>
        RecordCatalogue.Kinds.GroupBy(k => k.BodyField).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    /// <summary>The Chinese name of a level, as a refusal states it.</summary>
    public static string Label(NodeKind level) => level switch
    {
        NodeKind.Organisation => "党组（机关党委）",
        NodeKind.GeneralBranch => "党总支",
        NodeKind.Branch => "党支部",
        NodeKind.SmallGroup => "党小组",
        _ => "未定级别的组织",
    };

    /// <summary>
    /// Why a node of <paramref name="level"/> may not hold a record of body family <paramref name="family"/>
    /// (one Chinese sentence), or null when it may. <paramref name="choice"/> is the record's sub-kind as an enum
    /// value name (a meeting's MEETING_KIND_PARTY_GROUP_MEETING), judged by the levels its choice declares.
    /// A family the catalogue does not describe (corrections, reviews: they follow the record they target)
    /// is never refused here.
    /// </summary>
    public static string? Refusal(string family, NodeKind level, string? choice = null)
    {
        if (!ByBody.Value.TryGetValue(family, out var kind))
        {
            return null;
        }

        if (!kind.NodeLevels.Contains(level))
        {
            return Sentence(level, kind.Label, kind.NodeLevels);
        }

        return choice is not null && kind.Choice(choice) is { } sub && !sub.NodeLevels.Contains(level)
            ? Sentence(level, sub.Label, sub.NodeLevels)
            : null;
    }

    private static string Sentence(NodeKind level, string label, IReadOnlyList<NodeKind> allowed) =>
        $"{Label(level)}的台账不记录“{label}”：只有{string.Join("、", allowed.Select(Label))}的台账记录这类记录";
}
