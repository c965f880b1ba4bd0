using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Directory;

/// <summary>What makes the fields of a node change acceptable, before the tree is consulted.</summary>
public static class NodeRules
{
    /// <summary>The longest node name accepted.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest reason for closing a node accepted.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Checks a kind: one of the four levels.</summary>
    public static Violations Kind(Violations violations, string field, NodeKind kind) =>
        kind == NodeKind.Unspecified || !Enum.IsDefined(kind)
            ? violations.Add(field, "must be one of the node kinds")
            : violations;

    /// <summary>
    /// Checks a name: required, printable, one line. Names head lists and reports, so a line break or
    /// tab in one is always a pasting accident.
    /// </summary>
    public static Violations Name(Violations violations, string field, string? name) =>
        SingleLine(violations, field, name, MaxNameLength, required: true);

    /// <summary>Checks the reason for closing a node: required, printable, may span lines.</summary>
    public static Violations Reason(Violations violations, string field, string? reason) =>
        violations.Text(field, reason, MaxReasonLength, required: true);

    /// <summary>Checks an optional parent: a slug when given, and never the node itself.</summary>
    public static Violations Parent(Violations violations, string field, string? parentId, string? nodeId)
    {
        if (string.IsNullOrEmpty(parentId))
        {
            return violations;
        }

        violations.Slug(field, parentId);
        return parentId == nodeId ? violations.Add(field, "must not be the node itself") : violations;
    }

    /// <summary>
    /// Checks display text that must stay on one line (names). Control characters are reported once,
    /// by <see cref="Violations.Text"/>; tabs and line breaks, which it allows, are refused here.
    /// </summary>
    internal static Violations SingleLine(Violations violations, string field, string? value, int maxLength, bool required)
    {
        var before = violations.Items.Count;
        violations.Text(field, value, maxLength, required);
        if (violations.Items.Count == before && value is not null && value.AsSpan().IndexOfAny('\t', '\r', '\n') >= 0)
        {
            violations.Add(field, "must be a single line without tabs");
        }

        return violations;
    }
}
